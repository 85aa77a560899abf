using FluentValidation;
using FluentValidation.Results;

namespace MembershipStates.Scim.Groups;

/// <summary>
/// Checks a group a request sends (<c>POST</c>, <c>PUT</c>), beyond what JSON reading checks.
/// </summary>
/// <remarks>Every rule carries its SCIM <c>scimType</c> as the error code. Stateless, immutable and thread-safe.</remarks>
internal sealed class ScimGroupValidator : AbstractValidator<ScimGroup>
{
    private ScimGroupValidator()
    {
        RuleFor(group => group.Schemas)
            .Must(schemas => schemas is not null && schemas.Contains(ScimSchemaUris.Group, StringComparer.OrdinalIgnoreCase))
            .WithErrorCode(ScimErrorTypes.InvalidSyntax)
            .WithMessage($"'schemas' must list \"{ScimSchemaUris.Group}\" (RFC 7643 §3).");

        RuleFor(group => group.DisplayName)
            .Must(displayName => !string.IsNullOrWhiteSpace(displayName))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("'displayName' is required and must not be empty (RFC 7643 §4.2).");

        RuleFor(group => group.ExternalId)
            .Must(externalId => externalId is null || externalId.Trim().Length > 0)
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("'externalId', when sent, must not be empty.");

        RuleForEach(group => group.Members)
            .Must(member => !string.IsNullOrWhiteSpace(member.Value))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("Every entry of 'members' needs a non-empty 'value': the id of a User of this organization.");

        RuleForEach(group => group.Members)
            .Must(member => member.Type is null || string.Equals(member.Type, "User", StringComparison.OrdinalIgnoreCase))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("A group's members are Users; groups of groups are not supported.");
    }

    internal static ScimGroupValidator Instance { get; } = new();

    /// <summary>Validates, turning the failures into one SCIM error, or <see langword="null"/> when valid.</summary>
    internal ScimError? Check(ScimGroup group)
    {
        var result = Validate(group);
        return result.IsValid ? null : ToError(result);
    }

    private static ScimError ToError(ValidationResult result)
    {
        var first = result.Errors[0];
        var detail = string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
        return first.ErrorCode == ScimErrorTypes.InvalidSyntax ? ScimError.InvalidSyntax(detail) : ScimError.InvalidValue(detail);
    }
}
