namespace MembershipStates.Testing.Scripts;

/// <summary>
/// Okta's and Entra ID's recorded group payloads, embedded in the kit, with the member and group ids they carry so
/// that a script can put the ids of its own users and groups in their place.
/// </summary>
internal static class RecordedPayloads
{
    public const string OktaGroupId = "abf4dd94-a4c0-4f67-89c9-76b03340cb9b";
    public const string OktaUser1 = "23a35c27-23d3-4c03-b4c5-6443c09e7173";
    public const string OktaUser2 = "89bb1940-b905-4575-9e7f-6f887cfb368e";
    public const string EntraUser1 = "f648f8d5ea4e4cd38e9c";
    public const string EntraUser2 = "0a7d2b1e6e7c4f2a9b1c";

    /// <summary>A recorded payload with the recorded ids replaced, such as <c>(OktaUser1, "2819c223…")</c>.</summary>
    public static string Read(string name, params (string Recorded, string Actual)[] ids)
    {
        using var stream = typeof(RecordedPayloads).Assembly.GetManifestResourceStream("Payloads." + name)
            ?? throw new InvalidOperationException($"The recorded payload {name} is not embedded in the kit.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        foreach (var (recorded, actual) in ids)
        {
            text = text.Replace(recorded, actual, StringComparison.Ordinal);
        }

        return text;
    }
}
