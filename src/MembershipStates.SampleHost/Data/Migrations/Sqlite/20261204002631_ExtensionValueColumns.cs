using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MembershipStates.SampleHost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExtensionValueColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Boolean",
                table: "member_values",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Instant",
                table: "member_values",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Integer",
                table: "member_values",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Number",
                table: "member_values",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Boolean",
                table: "member_values");

            migrationBuilder.DropColumn(
                name: "Instant",
                table: "member_values");

            migrationBuilder.DropColumn(
                name: "Integer",
                table: "member_values");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "member_values");
        }
    }
}
