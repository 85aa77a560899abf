namespace MembershipStates;

/// <summary>The triggers of the Stateless specification: a command, with a provision split by its requested <c>active</c>.</summary>
internal enum LifecycleTrigger
{
    Read = 0,
    ProvisionActive = 1,
    ProvisionInactive = 2,
    Deactivate = 3,
    Reactivate = 4,
    UpdateProfile = 5,
    Remove = 6,
}
