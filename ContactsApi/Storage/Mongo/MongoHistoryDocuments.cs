using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// A row of the change log (<c>contactHistory</c>), as in the SQLite store's <c>contact_history</c>: the change's
/// number in its owner's log (<c>seq</c>, from <see cref="CounterDocument"/>; see <see cref="MongoContactLog"/>), when
/// the server gave that number (<c>taken</c>; absent on rows numbered before the owners' counters), the contact's
/// version it made, where the contact was before and after (0 nowhere, 1 in the list, 2 in the trash), and the
/// version it replaced.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class HistoryDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("seq")] public long Seq { get; set; }
    [BsonElement("taken"), BsonIgnoreIfNull] public DateTime? Taken { get; set; }
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

/// <summary>
/// A counter (<c>counters</c>) raised by one atomic <c>$inc</c>: an owner's change log numbers (<c>contactHistory:</c>
/// and the owner's id), with the server's time of the last number taken (<c>taken</c>) and the number it started
/// above (<c>start</c>); <c>contactHistory</c>, the one counter of every owner before them, now only read.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class CounterDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("seq")] public long Seq { get; set; }
    [BsonElement("taken"), BsonIgnoreIfNull] public DateTime? Taken { get; set; }
    [BsonElement("start"), BsonIgnoreIfNull] public long? Start { get; set; }
}
