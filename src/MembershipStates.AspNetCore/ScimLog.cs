using Microsoft.Extensions.Logging;

namespace MembershipStates.AspNetCore;

/// <summary>The log lines of the SCIM endpoints, one definition each.</summary>
internal static partial class ScimLog
{
    /// <summary>One line per committed change: the audit trail of what a provider did to a membership.</summary>
    [LoggerMessage(
        EventId = 1,
        EventName = "MembershipChanged",
        Level = LogLevel.Information,
        Message = "SCIM {Command} in organization {Organization}: member {Id} {From} -> {To}, version {Version} ({Outcome})")]
    public static partial void MembershipChanged(
        ILogger logger,
        string organization,
        string? id,
        MembershipState from,
        MembershipState to,
        MembershipCommandKind command,
        MembershipOutcome outcome,
        long version);

    [LoggerMessage(
        EventId = 2,
        EventName = "CommitRetried",
        Level = LogLevel.Debug,
        Message = "SCIM {Command} in organization {Organization}: {Result} on attempt {Attempt}; reading and deciding again")]
    public static partial void CommitRetried(ILogger logger, string organization, MembershipCommandKind command, ScimCommitResult result, int attempt);

    [LoggerMessage(
        EventId = 3,
        EventName = "CommitRetriesExhausted",
        Level = LogLevel.Warning,
        Message = "SCIM {Command} in organization {Organization}: {Result} after {Attempts} attempts; answered 409")]
    public static partial void CommitRetriesExhausted(ILogger logger, string organization, MembershipCommandKind command, ScimCommitResult result, int attempts);

    [LoggerMessage(
        EventId = 4,
        EventName = "RequestFailed",
        Level = LogLevel.Error,
        Message = "SCIM {Method} {Path} failed; answered 500")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(
        EventId = 5,
        EventName = "Unauthorized",
        Level = LogLevel.Debug,
        Message = "SCIM {Method} {Path}: not authorized for organization {RouteOrganization}; answered 401")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string? routeOrganization);

    /// <summary>One line per committed group change: the audit trail of what a provider did to a group.</summary>
    [LoggerMessage(
        EventId = 6,
        EventName = "GroupChanged",
        Level = LogLevel.Information,
        Message = "SCIM {Kind} of group {Id} in organization {Organization}: version {Version}, {Added} added, {Removed} removed, members replaced: {Replaced}")]
    public static partial void GroupChanged(
        ILogger logger,
        Scim.ScimGroupChangeKind kind,
        string id,
        string organization,
        long? version,
        int added,
        int removed,
        bool replaced);

    [LoggerMessage(
        EventId = 7,
        EventName = "GroupCommitRetried",
        Level = LogLevel.Debug,
        Message = "SCIM {Kind} of group {Id} in organization {Organization}: {Result} on attempt {Attempt}; reading and deciding again")]
    public static partial void GroupCommitRetried(ILogger logger, Scim.ScimGroupChangeKind kind, string id, string organization, ScimGroupCommitResult result, int attempt);
}
