namespace ContactsApi.Common;

/// <summary>What every error body holds, for the OpenAPI document (the body is an RFC 9457 problem).</summary>
public sealed record ErrorBody(string Message, string Type, string Title, int Status, string TraceId);
