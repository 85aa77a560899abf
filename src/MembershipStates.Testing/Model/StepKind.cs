namespace MembershipStates.Testing.Model;

/// <summary>What a generated step asks of the store.</summary>
internal enum StepKind
{
    Create,
    Deactivate,
    Reactivate,
    Replace,
    PatchAttributes,
    Delete,
    Race,
    CreateGroup,
    AddMember,
    RemoveMember,
    DeleteGroup,
}
