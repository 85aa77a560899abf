using MembershipStates.Scim.Schema;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore;

/// <summary>Checks <see cref="MembershipStatesOptions"/> when the application starts.</summary>
internal sealed class MembershipStatesOptionsValidator : IValidateOptions<MembershipStatesOptions>
{
    public ValidateOptionsResult Validate(string? name, MembershipStatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodySize < 1)
        {
            failures.Add($"{nameof(MembershipStatesOptions.MaxRequestBodySize)} must be at least 1 byte; it is {options.MaxRequestBodySize}.");
        }

        if (options.Paging is null)
        {
            failures.Add($"{nameof(MembershipStatesOptions.Paging)} must not be null.");
        }

        if (!Enum.IsDefined(options.InactiveProvisionPolicy))
        {
            failures.Add($"{nameof(MembershipStatesOptions.InactiveProvisionPolicy)} {options.InactiveProvisionPolicy} is not a defined policy.");
        }

        if (options.MaxConflictRetries is < 0 or > 10)
        {
            failures.Add($"{nameof(MembershipStatesOptions.MaxConflictRetries)} must be from 0 to 10; it is {options.MaxConflictRetries}.");
        }

        if (options.DocumentationUri is { IsAbsoluteUri: false })
        {
            failures.Add($"{nameof(MembershipStatesOptions.DocumentationUri)} must be an absolute URI.");
        }

        if (options.SchemaExtensions.Count > 0)
        {
            try
            {
                ScimUserSchema.WithExtensions(options.SchemaExtensions);
            }
            catch (ArgumentException invalid)
            {
                failures.Add($"{nameof(MembershipStatesOptions.SchemaExtensions)}: {invalid.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
