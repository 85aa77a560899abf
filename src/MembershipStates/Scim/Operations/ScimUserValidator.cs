using FluentValidation;
using FluentValidation.Results;

namespace MembershipStates.Scim;

/// <summary>
/// Checks a user a request sends (<c>POST</c>, <c>PUT</c>) or a <c>PATCH</c> produces, beyond what JSON reading checks.
/// </summary>
/// <remarks>Every rule carries its SCIM <c>scimType</c> as the error code. Stateless, immutable and thread-safe.</remarks>
internal sealed class ScimUserValidator : AbstractValidator<ScimUser>
{
    public ScimUserValidator(bool requireSchemas)
    {
        if (requireSchemas)
        {
            RuleFor(user => user.Schemas)
                .Must(schemas => schemas is not null && schemas.Contains(ScimSchemaUris.User, StringComparer.OrdinalIgnoreCase))
                .WithErrorCode(ScimErrorTypes.InvalidSyntax)
                .WithMessage($"'schemas' must list \"{ScimSchemaUris.User}\" (RFC 7643 §3).");
        }

        RuleFor(user => user.UserName)
            .Must(userName => !string.IsNullOrWhiteSpace(userName))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("'userName' is required and must not be empty (RFC 7643 §4.1.1).");

        RuleFor(user => user.ExternalId)
            .Must(externalId => externalId is null || externalId.Trim().Length > 0)
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("'externalId', when sent, must not be empty.");

        // A JSON null inside a multi-valued attribute ("emails":[null]) is no value at all.
        NoNullEntries(user => user.Emails, "emails");
        NoNullEntries(user => user.PhoneNumbers, "phoneNumbers");
        NoNullEntries(user => user.Ims, "ims");
        NoNullEntries(user => user.Photos, "photos");
        NoNullEntries(user => user.Addresses, "addresses");
        NoNullEntries(user => user.Groups, "groups");
        NoNullEntries(user => user.Entitlements, "entitlements");
        NoNullEntries(user => user.Roles, "roles");
        NoNullEntries(user => user.X509Certificates, "x509Certificates");

        RuleForEach(user => user.Emails)
            .Must(email => email is null || !string.IsNullOrWhiteSpace(email.Value))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("Every entry of 'emails' needs a non-empty 'value'.");

        RuleFor(user => user.Emails)
            .Must(AtMostOnePrimary)
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("At most one entry of 'emails' may be primary (RFC 7643 §2.4).");

        RuleFor(user => user.PhoneNumbers)
            .Must(AtMostOnePrimary)
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage("At most one entry of 'phoneNumbers' may be primary (RFC 7643 §2.4).");
    }

    internal static ScimUserValidator ForRequests { get; } = new(requireSchemas: true);

    internal static ScimUserValidator ForResults { get; } = new(requireSchemas: false);

    /// <summary>Validates, turning the failures into one SCIM error, or <see langword="null"/> when valid.</summary>
    internal ScimError? Check(ScimUser user)
    {
        var result = Validate(user);
        return result.IsValid ? null : ToError(result);
    }

    private static ScimError ToError(ValidationResult result)
    {
        var first = result.Errors[0];
        var detail = string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
        return first.ErrorCode == ScimErrorTypes.InvalidSyntax ? ScimError.InvalidSyntax(detail) : ScimError.InvalidValue(detail);
    }

    private static bool AtMostOnePrimary(IReadOnlyList<ScimMultiValue>? values) =>
        values is null || values.Count(v => v?.Primary == true) <= 1;

    private void NoNullEntries<TValue>(System.Linq.Expressions.Expression<Func<ScimUser, IReadOnlyList<TValue>?>> attribute, string name)
        where TValue : class =>
        RuleFor(attribute)
            .Must(values => values is null || !values.Contains(null))
            .WithErrorCode(ScimErrorTypes.InvalidValue)
            .WithMessage($"'{name}' must not contain null: every entry is an object.");
}
