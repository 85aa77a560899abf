namespace MembershipStates.SampleHost;

/// <summary>
/// The host cannot start as configured: its message is one line that says what is wrong and what to change, and
/// <c>Program</c> prints it instead of a stack trace.
/// </summary>
internal sealed class SampleHostStartupException : InvalidOperationException
{
    public SampleHostStartupException()
    {
    }

    public SampleHostStartupException(string message)
        : base(message)
    {
    }

    public SampleHostStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
