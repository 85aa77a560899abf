using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>The first reason a translation fails; later ones are consequences and are dropped.</summary>
/// <remarks>Not thread-safe; one per translation.</remarks>
internal sealed class TranslationErrors
{
    /// <summary>Gets the first error, or <see langword="null"/> while there is none.</summary>
    public FilterError? Error { get; private set; }

    /// <summary>Records a failure, unless one is recorded already.</summary>
    /// <param name="message">The message, from <see cref="Messages.FilterMessages"/>.</param>
    /// <returns><see langword="null"/>, for the failing translation to return.</returns>
    public Expression? Fail(string message)
    {
        Error ??= new FilterError(ScimErrorTypes.InvalidFilter, message, null);
        return null;
    }
}
