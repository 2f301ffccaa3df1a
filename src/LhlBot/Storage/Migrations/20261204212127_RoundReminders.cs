using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LhlBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RoundReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoundReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityNumber = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundReminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundReminders_RoundId_Step_PersonId_MunicipalityNumber",
                table: "RoundReminders",
                columns: new[] { "RoundId", "Step", "PersonId", "MunicipalityNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundReminders");
        }
    }
}
