using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LhlBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ProviderNeutralFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports");

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports",
                columns: new[] { "MunicipalityNumber", "RoundId" },
                unique: true,
                filter: "\"IsCurrent\" = TRUE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports");

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports",
                columns: new[] { "MunicipalityNumber", "RoundId" },
                unique: true,
                filter: "\"IsCurrent\" = 1");
        }
    }
}
