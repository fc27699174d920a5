using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tripmate.Identity.Store.Migrations
{
    /// <inheritdoc />
    public partial class RevocationsAndRefreshGrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "client_hash",
                table: "refresh_tokens",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "grace_answer",
                table: "refresh_tokens",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "revocations",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revocations", x => new { x.kind, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_revocations_until",
                table: "revocations",
                column: "until");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "revocations");

            migrationBuilder.DropColumn(
                name: "client_hash",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "grace_answer",
                table: "refresh_tokens");
        }
    }
}
