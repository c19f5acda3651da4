"""Turns `dotnet ef migrations script <released> <head>` into the baseline delta that SquashBaseline runs in its own
transaction: drops the script's transaction statements and its history rows (SquashBaseline rewrites the history)."""
import re
import sys

source, target = sys.argv[1], sys.argv[2]
sql = open(source, encoding="utf-8-sig").read()
sql = re.sub(r'^(START TRANSACTION|BEGIN TRANSACTION|COMMIT);\s*$\n?', "", sql, flags=re.MULTILINE)
sql = re.sub(r'INSERT INTO "__EFMigrationsHistory"[^;]*;\s*\n?', "", sql)
if "sqlite" in target:
    # SquashBaseline runs the delta as one text: a hand-written SQLite trigger's END needs its semicolon there.
    sql = re.sub(r"^END$", "END;", sql, flags=re.MULTILINE)
sql = sql.strip()
with open(target, "w", encoding="utf-8", newline="\n") as out:
    if sql:
        out.write(sql + "\n")
