using System.ComponentModel.DataAnnotations;

namespace ContactsApi.History;

/// <summary>How long the trash and every contact's earlier versions are kept (<c>History:Retention</c>).</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the background purge looks for what has outlived the retention.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The oldest moment an undo may go back to, and the oldest a sync token may be from.</summary>
    public DateTime OldestKept(DateTime now) => now - Retention;

    /// <summary>The retention in words, for the messages that name it ("30 days").</summary>
    public string RetentionText => Retention.TotalDays >= 1 && Retention.TotalDays % 1 == 0
        ? $"{Retention.TotalDays:0} days"
        : $"{Retention.TotalHours:0.##} hours";
}
