"""Marks EF's generated migration files linguist-generated in .gitattributes (idempotent)."""
import os
import sys

path = sys.argv[1]
lines = [
    "Monitor.Core/Data/Migrations/**/*.Designer.cs linguist-generated=true",
    "Monitor.Core/Data/Migrations/**/*ModelSnapshot.cs linguist-generated=true",
    "Monitor.Core/Data/Migrations/**/*_Initial.cs linguist-generated=true",
    "Monitor.Core/Data/Baseline/*.sql linguist-generated=true",
    "Monitor.Tests/Data/Fixtures/*.sql linguist-generated=true",
]
existing = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
missing = [line for line in lines if line not in existing]
if missing:
    with open(path, "a", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(missing) + "\n")
