using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// A row of the change log (<c>contactHistory</c>), as in the SQLite store's <c>contact_history</c>: the change's
/// number in the store (<c>seq</c>, from <see cref="CounterDocument"/>), the contact's version it made, where the
/// contact was before and after (0 nowhere, 1 in the list, 2 in the trash), and the version it replaced.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class HistoryDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("seq")] public long Seq { get; set; }
    [BsonElement("owner"), BsonRepresentation(BsonType.ObjectId)] public string Owner { get; set; } = "";
    [BsonElement("contact"), BsonRepresentation(BsonType.ObjectId)] public string ContactId { get; set; } = "";
    [BsonElement("at")] public DateTime At { get; set; }
    [BsonElement("version")] public long Version { get; set; }
    [BsonElement("was")] public int Was { get; set; }
    [BsonElement("state")] public int State { get; set; }
    [BsonElement("previous"), BsonIgnoreIfNull] public ContactDocument? Previous { get; set; }
}

/// <summary>A contact in the trash (<c>contactTrash</c>), whole, keyed by its own id; its photo stays in <c>contactPhotos</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class TrashDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("owner"), BsonRepresentation(BsonType.ObjectId)] public string Owner { get; set; } = "";
    [BsonElement("deletedAt")] public DateTime DeletedAt { get; set; }
    [BsonElement("contact")] public ContactDocument Contact { get; set; } = new();
}

/// <summary>A counter (<c>counters</c>) raised by one atomic <c>$inc</c>: the change log's numbers.</summary>
[BsonIgnoreExtraElements]
internal sealed class CounterDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("seq")] public long Seq { get; set; }
}
