using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LhlBot.Storage.PostgreSqlMigrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityNumber = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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
