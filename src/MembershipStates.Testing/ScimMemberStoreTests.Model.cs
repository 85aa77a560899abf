using MembershipStates.Testing.Model;
using Xunit;

namespace MembershipStates.Testing;

/// <content>The model-based property.</content>
public abstract partial class ScimMemberStoreTests
{
    /// <summary>
    /// Generates <see cref="ScimStoreTestOptions.MaxSequences"/> request sequences (create, deactivate, reactivate,
    /// re-POST, replace, patch attributes, delete, re-create, stale <c>If-Match</c>, races between two instances, and
    /// with groups: create, add, remove, delete) and checks every answer and the store's state after every step
    /// against a reference model of the lifecycle; a failure is shrunk to the smallest sequence.
    /// </summary>
    /// <returns>A task that completes when every sequence has passed.</returns>
    /// <exception cref="ScimConformanceException">A sequence broke a rule; the exception holds the smallest one as HTTP requests.</exception>
    [SkippableFact]
    public Task RequestSequences_GeneratedAndShrunk_MatchTheReferenceModel() =>
        ModelProperty.CheckAsync(NewSession, Options, _requiresGroups);
}
