using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <summary>
    /// The notifier's outbox becomes a general one: type, key, JSON payload and a lease. Rows already stored (pending
    /// ones included) are converted to the session notifier's payload, so they are still delivered after the upgrade.
    /// </summary>
    public partial class LeasedOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Outbox_EducatorId_State_Id", table: "Outbox");
            migrationBuilder.RenameColumn(name: "EducatorId", table: "Outbox", newName: "Key");
            migrationBuilder.AddColumn<string>(name: "Type", table: "Outbox", type: "TEXT", maxLength: 64, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "Payload", table: "Outbox", type: "TEXT", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "ClaimedBy", table: "Outbox", type: "TEXT", maxLength: 128, nullable: true);
            migrationBuilder.AddColumn<DateTime>(name: "ClaimedUntilUtc", table: "Outbox", type: "TEXT", nullable: true);

            // The payload as SessionNotification writes it: ISO 8601 with a Z, the GUID as stored, the kind's wire name.
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET
                    "Type" = 'firestore.session-notifier',
                    "Payload" = json_object(
                        'kind', "Kind",
                        'educatorId', "Key",
                        'sessionId', lower("SessionId"),
                        'endedAtUtc', CASE WHEN "EndedAtUtc" IS NULL THEN NULL ELSE replace("EndedAtUtc", ' ', 'T') || 'Z' END);
                """);

            migrationBuilder.DropColumn(name: "Kind", table: "Outbox");
            migrationBuilder.DropColumn(name: "SessionId", table: "Outbox");
            migrationBuilder.DropColumn(name: "EndedAtUtc", table: "Outbox");
            migrationBuilder.CreateIndex(name: "IX_Outbox_Type_Key_State_Id", table: "Outbox", columns: new[] { "Type", "Key", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Outbox_Type_Key_State_Id", table: "Outbox");
            migrationBuilder.AddColumn<string>(name: "Kind", table: "Outbox", type: "TEXT", maxLength: 32, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<Guid>(name: "SessionId", table: "Outbox", type: "TEXT", nullable: false, defaultValue: Guid.Empty);
            migrationBuilder.AddColumn<DateTime>(name: "EndedAtUtc", table: "Outbox", type: "TEXT", nullable: true);

            // Only the session notifier's rows existed before; any other type cannot be expressed and is dropped.
            migrationBuilder.Sql("""DELETE FROM "Outbox" WHERE "Type" <> 'firestore.session-notifier';""");
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET
                    "Kind" = json_extract("Payload", '$.kind'),
                    "SessionId" = upper(json_extract("Payload", '$.sessionId')),
                    "EndedAtUtc" = replace(replace(json_extract("Payload", '$.endedAtUtc'), 'T', ' '), 'Z', '');
                """);

            migrationBuilder.DropColumn(name: "Type", table: "Outbox");
            migrationBuilder.DropColumn(name: "Payload", table: "Outbox");
            migrationBuilder.DropColumn(name: "ClaimedBy", table: "Outbox");
            migrationBuilder.DropColumn(name: "ClaimedUntilUtc", table: "Outbox");
            migrationBuilder.RenameColumn(name: "Key", table: "Outbox", newName: "EducatorId");
            migrationBuilder.CreateIndex(name: "IX_Outbox_EducatorId_State_Id", table: "Outbox", columns: new[] { "EducatorId", "State", "Id" });
        }
    }
}
