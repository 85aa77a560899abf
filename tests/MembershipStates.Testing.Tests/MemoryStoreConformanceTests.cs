using MembershipStates.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.Testing.Tests;

#region ReadmeExample
public sealed class MemoryStoreConformanceTests : ScimGroupStoreTests
{
    private readonly MemoryStore _store = new(); // the store under test: a new one for every test

    protected override void ConfigureStore(IServiceCollection services)
    {
        services.AddSingleton<IScimMemberStore>(_store);
        services.AddSingleton<IScimGroupStore>(_store);
    }
}
#endregion
