using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Sessions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledUtc",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChatEnabled",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxParticipants",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecordingEnabled",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StudentMediaEnabled",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WrapUpEndsUtc",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            // Existing classes get the same session defaults as new ones (SessionSettings.ClassDefaults).
            migrationBuilder.AddColumn<bool>(
                name: "DefaultChatEnabled",
                table: "Classes",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "DefaultMaxParticipants",
                table: "Classes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<bool>(
                name: "DefaultRecordingEnabled",
                table: "Classes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DefaultStudentMediaEnabled",
                table: "Classes",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Status_ScheduledStartUtc",
                table: "Sessions",
                columns: new[] { "Status", "ScheduledStartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_Status_ScheduledStartUtc",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CancelledUtc",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChatEnabled",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "MaxParticipants",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RecordingEnabled",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "StudentMediaEnabled",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "WrapUpEndsUtc",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "DefaultChatEnabled",
                table: "Classes");

            migrationBuilder.DropColumn(
                name: "DefaultMaxParticipants",
                table: "Classes");

            migrationBuilder.DropColumn(
                name: "DefaultRecordingEnabled",
                table: "Classes");

            migrationBuilder.DropColumn(
                name: "DefaultStudentMediaEnabled",
                table: "Classes");
        }
    }
}
