using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClassAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedUtc",
                table: "Classes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Classes",
                type: "text",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Classes made before codes existed get one from their id ("C-42"), unique as the id is, so the index holds.
            migrationBuilder.Sql("UPDATE \"Classes\" SET \"Code\" = 'C-' || \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_Classes_Code",
                table: "Classes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Classes_Code",
                table: "Classes");

            migrationBuilder.DropColumn(
                name: "ArchivedUtc",
                table: "Classes");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Classes");
        }
    }
}
