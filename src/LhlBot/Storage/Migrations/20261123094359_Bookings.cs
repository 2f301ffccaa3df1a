using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LhlBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvisorAbsences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorAbsences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisorAbsences_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvisorWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    To = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisorWindows_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityNumber = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    With = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BookedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReminderClaimedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_Person_BookedByPersonId",
                        column: x => x.BookedByPersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdvisorSlotClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CellStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorSlotClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisorSlotClaims_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdvisorSlotClaims_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookingAdvisors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingAdvisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookingAdvisors_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BookingAdvisors_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorAbsences_PersonId_ToUtc",
                table: "AdvisorAbsences",
                columns: new[] { "PersonId", "ToUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorSlotClaims_BookingId",
                table: "AdvisorSlotClaims",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorSlotClaims_PersonId_CellStartUtc",
                table: "AdvisorSlotClaims",
                columns: new[] { "PersonId", "CellStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorWindows_PersonId",
                table: "AdvisorWindows",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingAdvisors_BookingId",
                table: "BookingAdvisors",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingAdvisors_PersonId_BookingId",
                table: "BookingAdvisors",
                columns: new[] { "PersonId", "BookingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_BookedByPersonId",
                table: "Bookings",
                column: "BookedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityNumber_StartUtc",
                table: "Bookings",
                columns: new[] { "MunicipalityNumber", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Status_StartUtc",
                table: "Bookings",
                columns: new[] { "Status", "StartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisorAbsences");

            migrationBuilder.DropTable(
                name: "AdvisorSlotClaims");

            migrationBuilder.DropTable(
                name: "AdvisorWindows");

            migrationBuilder.DropTable(
                name: "BookingAdvisors");

            migrationBuilder.DropTable(
                name: "Bookings");
        }
    }
}
