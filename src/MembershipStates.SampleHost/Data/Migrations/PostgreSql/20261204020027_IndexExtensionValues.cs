using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MembershipStates.SampleHost.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IndexExtensionValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_member_values_Attribute_Instant_ScimId",
                table: "member_values",
                columns: new[] { "Attribute", "Instant", "ScimId" },
                filter: "\"Instant\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_member_values_Attribute_Integer_ScimId",
                table: "member_values",
                columns: new[] { "Attribute", "Integer", "ScimId" },
                filter: "\"Integer\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_member_values_Attribute_Number_ScimId",
                table: "member_values",
                columns: new[] { "Attribute", "Number", "ScimId" },
                filter: "\"Number\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_member_values_Attribute_Instant_ScimId",
                table: "member_values");

            migrationBuilder.DropIndex(
                name: "IX_member_values_Attribute_Integer_ScimId",
                table: "member_values");

            migrationBuilder.DropIndex(
                name: "IX_member_values_Attribute_Number_ScimId",
                table: "member_values");
        }
    }
}
