using FluentAssertions;
using MembershipStates.SampleHost.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>What each engine's refusal of a commit means to the store: a race it answers, or a bug that fails the request.</summary>
public sealed class DatabaseErrorsTests
{
    public static TheoryData<Exception, ScimCommitResult?> Refusals => new()
    {
        { Saved(new SqliteException("UNIQUE constraint failed: memberships.OrganizationId, memberships.NormalizedUserName", 19, 2067)), ScimCommitResult.UniquenessViolation },
        { Saved(new SqliteException("UNIQUE constraint failed: memberships.ScimId", 19, 2067)), ScimCommitResult.VersionConflict },
        { Saved(new SqliteException("UNIQUE constraint failed: memberships.OrganizationId, memberships.UserId", 19, 1555)), ScimCommitResult.VersionConflict },
        { Saved(new SqliteException("NOT NULL constraint failed: memberships.UserName", 19, 1299)), null },
        { Saved(new SqliteException("FOREIGN KEY constraint failed", 19, 787)), null },
        { Saved(Postgres("23505", "IX_inactive_memberships_OrganizationId_NormalizedUserName")), ScimCommitResult.UniquenessViolation },
        { Saved(Postgres("23505", "IX_users_NormalizedEmail")), ScimCommitResult.VersionConflict },
        { Postgres("40001", null), ScimCommitResult.VersionConflict },
        { new InvalidOperationException("A transient failure.", Saved(Postgres("40001", null))), ScimCommitResult.VersionConflict },
        { Saved(Postgres("23502", null)), null },
        { new InvalidOperationException("A bug."), null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void CommitResultOf_AnswersRacesAndLeavesBugsAlone(Exception exception, ScimCommitResult? expected) =>
        DatabaseErrors.CommitResultOf(exception).Should().Be(expected);

    [Theory]
    [InlineData("42P07", true)] // relation already exists
    [InlineData("42701", true)] // column already exists
    [InlineData("42703", true)] // column already dropped
    [InlineData("42P01", true)] // table already dropped
    [InlineData("42704", true)] // index already dropped
    [InlineData("42710", true)] // constraint already there
    [InlineData("42601", false)] // a syntax error is a bug, not a race
    [InlineData("28P01", false)] // a wrong password is not a race either
    public void IsSchemaChangedMeanwhile_RecognizesAMigrationAnotherInstanceApplied(string sqlState, bool expected) =>
        DatabaseErrors.IsSchemaChangedMeanwhile(Postgres(sqlState, null)).Should().Be(expected);

    private static DbUpdateException Saved(Exception cause) => new("An error occurred while saving the entity changes.", cause);

    private static PostgresException Postgres(string sqlState, string? constraint) =>
        new("refused", "ERROR", "ERROR", sqlState, constraintName: constraint);
}
