namespace ContactsApi.Vcards;

/// <summary>A content line that can't be read; its message is the reason a card failed.</summary>
internal sealed class VcardFormatException(string message) : FormatException(message);
