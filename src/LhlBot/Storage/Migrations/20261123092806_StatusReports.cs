using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LhlBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StatusReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityNumber = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_MunicipalityNumber_RoundId_Version",
                table: "StatusReports",
                columns: new[] { "MunicipalityNumber", "RoundId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports",
                columns: new[] { "MunicipalityNumber", "RoundId" },
                unique: true,
                filter: "\"IsCurrent\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_RoundId_IsCurrent",
                table: "StatusReports",
                columns: new[] { "RoundId", "IsCurrent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusReports");
        }
    }
}
