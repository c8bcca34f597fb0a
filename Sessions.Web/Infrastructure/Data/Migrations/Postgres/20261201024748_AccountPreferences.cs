using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClockPreference",
                table: "AspNetUsers",
                type: "text",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "AspNetUsers",
                type: "text",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DigitPreference",
                table: "AspNetUsers",
                type: "text",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClockPreference",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Culture",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DigitPreference",
                table: "AspNetUsers");
        }
    }
}
