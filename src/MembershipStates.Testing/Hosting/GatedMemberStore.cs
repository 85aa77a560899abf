using MembershipStates.AspNetCore;
using MembershipStates.Scim;

namespace MembershipStates.Testing.Hosting;

/// <summary>The host's member store, with each commit passing the <see cref="CommitGate"/> first; every other call goes straight through.</summary>
internal sealed class GatedMemberStore(IScimMemberStore inner, CommitGate gate, bool ownsInner) : IScimMemberStore, IAsyncDisposable
{
    public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default) =>
        inner.FindByIdAsync(organization, id, cancellationToken);

    public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default) =>
        inner.FindByUserNameOrExternalIdAsync(organization, userName, externalId, cancellationToken);

    public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(organization, query, cancellationToken);

    public async Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync(cancellationToken).ConfigureAwait(false);
        return await inner.CommitAsync(organization, decision, attributes, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // A store the kit created is the kit's to dispose; one the host registered as an instance is the host's.
        if (!ownsInner)
        {
            return;
        }

        if (inner is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
