"""Inserts the calls to the hand-written schema (Monitor.Core/Data/InitialSchemaSql.cs) into a generated initial
migration: at the end of Up (after EF's tables, which the SQL needs) and at the start of Down (before they go)."""
import re
import sys

path, provider = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8-sig").read()
up_call = f"            InitialSchemaSql.{provider}Up(migrationBuilder);\n"
down_call = f"            InitialSchemaSql.{provider}Down(migrationBuilder);\n"
if up_call in text:
    sys.exit(0)


def method_body(name):
    match = re.search(r"protected override void " + name + r"\(MigrationBuilder migrationBuilder\)\r?\n        \{\r?\n", text)
    if match is None:
        sys.exit(f"squash: no {name}(MigrationBuilder) in {path}: the generated migration's shape changed")
    end = text.index("\n        }\n", match.end() - 1) + 1
    return match.end(), end


up_start, up_end = method_body("Up")
text = text[:up_end] + "\n" + up_call + text[up_end:]
down_start, _ = method_body("Down")
text = text[:down_start] + down_call + "\n" + text[down_start:]
with open(path, "w", encoding="utf-8-sig", newline="") as out:
    out.write(text)
