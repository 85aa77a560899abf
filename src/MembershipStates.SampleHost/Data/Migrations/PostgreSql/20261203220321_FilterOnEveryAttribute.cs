using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MembershipStates.SampleHost.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FilterOnEveryAttribute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "memberships");

            migrationBuilder.AddColumn<string>(
                name: "UserType",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "memberships");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "inactive_memberships");

            migrationBuilder.AddColumn<string>(
                name: "UserType",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "inactive_memberships");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "CostCenter",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Division",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "EmployeeNumber",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseOrganization",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "FormattedName",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "HonorificPrefix",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "HonorificSuffix",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Locale",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerDisplayName",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerId",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerReference",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "MiddleName",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "NickName",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ProfileUrl",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Timezone",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "CostCenter",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Division",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "EmployeeNumber",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseOrganization",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "FormattedName",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "HonorificPrefix",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "HonorificSuffix",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Locale",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerDisplayName",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerId",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ManagerReference",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "MiddleName",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "NickName",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ProfileUrl",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "Timezone",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "member_values",
                columns: table => new
                {
                    ScimId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Attribute = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Display = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Primary = table.Column<bool>(type: "boolean", nullable: true),
                    Formatted = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    StreetAddress = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Locality = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Region = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PostalCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Country = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_values", x => new { x.ScimId, x.Attribute, x.Position });
                    table.ForeignKey(
                        name: "FK_member_values_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_values_Attribute_Value_ScimId",
                table: "member_values",
                columns: new[] { "Attribute", "Value", "ScimId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_values");

            migrationBuilder.DropColumn(
                name: "CostCenter",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "Division",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "EmployeeNumber",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "EnterpriseOrganization",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "FormattedName",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "HonorificPrefix",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "HonorificSuffix",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "Locale",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "ManagerDisplayName",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "ManagerId",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "ManagerReference",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "MiddleName",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "NickName",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "ProfileUrl",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "Timezone",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "CostCenter",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "Division",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "EmployeeNumber",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "EnterpriseOrganization",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "FormattedName",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "HonorificPrefix",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "HonorificSuffix",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "Locale",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "ManagerDisplayName",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "ManagerId",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "ManagerReference",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "MiddleName",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "NickName",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "ProfileUrl",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "Timezone",
                table: "inactive_memberships");

            migrationBuilder.DropColumn(
                name: "UserType",
                table: "memberships");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "memberships");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "UserType",
                table: "inactive_memberships");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "inactive_memberships");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "inactive_memberships",
                type: "text",
                nullable: true,
                collation: "C");
        }
    }
}
