using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaptionLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite does not enforce the length; cut what the bulk endpoint used to accept (up to 10,000 characters)
            // so stored captions keep to the same limit as new ones.
            migrationBuilder.Sql("UPDATE tiktok_posts SET description = substr(description, 1, 4000) WHERE length(description) > 4000;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the column type is TEXT either way, and cut text cannot be restored.
        }
    }
}
