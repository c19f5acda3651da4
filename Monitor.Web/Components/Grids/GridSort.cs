namespace Monitor.Web.Components.Grids;

/// <summary>MudDataGrid names a sorted column by its property path ("Profile.TotalViews"); the services want "TotalViews".</summary>
public static class GridSort
{
    public static string? ColumnName(string? propertyPath) =>
        string.IsNullOrEmpty(propertyPath) ? null : propertyPath[(propertyPath.LastIndexOf('.') + 1)..];
}
