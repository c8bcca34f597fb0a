using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_SeriesId_ScheduledStartUtc",
                table: "Sessions",
                columns: new[] { "SeriesId", "ScheduledStartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_SeriesId_ScheduledStartUtc",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Sessions");
        }
    }
}
