namespace Monitor.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
