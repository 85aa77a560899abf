using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MembershipStates.Testing.Hosting;

namespace MembershipStates.Testing.Model;

/// <summary>
/// Runs the model-based property with FsCheck: generated sequences, each against fresh organizations; a failing one
/// is shrunk, and the smallest is reported with the requests of its last run.
/// </summary>
internal static class ModelProperty
{
    public static async Task CheckAsync(Func<KitSession> newSession, ScimStoreTestOptions options, bool groups)
    {
        ScimConformanceException? smallest = null;
        Sequence? shrunk = null;
        var firstLength = 0;
        var failures = 0;
        var property = Prop.ForAll(SequenceGenerator.Arbitrary(options.MaxSteps, groups), sequence =>
        {
            // FsCheck calls properties synchronously; each run is awaited on the thread pool, away from any
            // synchronization context.
            var failure = Task.Run(() => SequenceRunner.RunAsync(newSession(), sequence, options.InactiveProvisionPolicy, groups)).GetAwaiter().GetResult();
            if (failure is not null)
            {
                // The last failing sequence FsCheck tries is the one it shrank to.
                firstLength = failures++ == 0 ? sequence.Steps.Count : firstLength;
                smallest = failure;
                shrunk = sequence;
            }

            return failure is null;
        });

        var config = Config.QuickThrowOnFailure.WithMaxTest(options.MaxSequences).WithQuietOnSuccess(true);
        try
        {
            await Task.Run(() => Check.One(config, property)).ConfigureAwait(false);
        }
        catch (Exception) when (smallest is not null)
        {
            // FsCheck's own report holds the sequence only; the kit's names the rule and the requests.
        }

        if (smallest is not null)
        {
            var header = string.Create(CultureInfo.InvariantCulture,
                $"The smallest failing sequence FsCheck found: {shrunk!.Steps.Count} steps, shrunk from {firstLength} ({failures - 1} smaller failing sequences on the way).\n{shrunk}\n");
            throw new ScimConformanceException(smallest.Rule, header + smallest.Requests, smallest.Expected, smallest.Actual);
        }
    }
}
