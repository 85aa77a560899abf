using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MembershipStates.SampleHost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScimId = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    NormalizedDisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => x.Id);
                    table.UniqueConstraint("AK_groups_OrganizationId_Id", x => new { x.OrganizationId, x.Id });
                    table.ForeignKey(
                        name: "FK_groups_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.OrganizationId, x.GroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_group_members_groups_OrganizationId_GroupId",
                        columns: x => new { x.OrganizationId, x.GroupId },
                        principalTable: "groups",
                        principalColumns: new[] { "OrganizationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_group_members_memberships_OrganizationId_UserId",
                        columns: x => new { x.OrganizationId, x.UserId },
                        principalTable: "memberships",
                        principalColumns: new[] { "OrganizationId", "UserId" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inactive_group_members",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inactive_group_members", x => new { x.OrganizationId, x.GroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_inactive_group_members_groups_OrganizationId_GroupId",
                        columns: x => new { x.OrganizationId, x.GroupId },
                        principalTable: "groups",
                        principalColumns: new[] { "OrganizationId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inactive_group_members_inactive_memberships_OrganizationId_UserId",
                        columns: x => new { x.OrganizationId, x.UserId },
                        principalTable: "inactive_memberships",
                        principalColumns: new[] { "OrganizationId", "UserId" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_group_members_OrganizationId_UserId_GroupId",
                table: "group_members",
                columns: new[] { "OrganizationId", "UserId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_Created_ScimId",
                table: "groups",
                columns: new[] { "OrganizationId", "Created", "ScimId" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_ExternalId",
                table: "groups",
                columns: new[] { "OrganizationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_NormalizedDisplayName",
                table: "groups",
                columns: new[] { "OrganizationId", "NormalizedDisplayName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groups_ScimId",
                table: "groups",
                column: "ScimId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inactive_group_members_OrganizationId_UserId_GroupId",
                table: "inactive_group_members",
                columns: new[] { "OrganizationId", "UserId", "GroupId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "inactive_group_members");

            migrationBuilder.DropTable(
                name: "groups");
        }
    }
}
