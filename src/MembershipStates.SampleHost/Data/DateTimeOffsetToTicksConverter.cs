using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MembershipStates.SampleHost.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks and reads it back in UTC.</summary>
internal sealed class DateTimeOffsetToTicksConverter()
    : ValueConverter<DateTimeOffset, long>(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
