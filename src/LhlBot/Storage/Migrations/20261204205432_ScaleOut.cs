using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LhlBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusReports_OneCurrent",
                table: "StatusReports");

            migrationBuilder.CreateTable(
                name: "JobLease",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LeasedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLease", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeGeneration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeGeneration", x => x.Id);
                });

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
            migrationBuilder.DropTable(
                name: "JobLease");

            migrationBuilder.DropTable(
                name: "KnowledgeGeneration");

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
