using System.Text.Json;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// What the MongoDB store reads and sends, through the driver's own serializers: no server needed.
/// Documents come as an operator or a newer version of the service may leave them.
/// </summary>
public sealed class MongoDocumentTests
{
    private static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    [Fact]
    public void A_contact_with_fields_this_version_does_not_know_and_no_version_reads_as_its_contact()
    {
        var (id, owner, phoneId) = (ObjectId.GenerateNewId(), ObjectId.GenerateNewId(), ObjectId.GenerateNewId());
        var stored = new BsonDocument
        {
            { "_id", id }, { "owner", owner }, { "name", "Ann" }, { "email", "ann@example.com" },
            { "phones", new BsonArray { new BsonDocument { { "_id", phoneId }, { "number", "+1 555 0100" }, { "label", "mobile" }, { "verified", true } } } },
            { "favorite", true }, { "createdAt", T0 }, { "updatedAt", T0.AddDays(1) },
            { "nameLower", "ann" }, { "emailLower", "ann@example.com" }, { "phone", "+1 555 0100" }, { "phoneDigits", new BsonArray { "15550100" } },
            { "tags", new BsonArray { "family" } }, { "importedBy", new BsonDocument("tool", "crm-sync") },
        };

        var document = BsonSerializer.Deserialize<ContactDocument>(stored);

        var expected = new Contact
        {
            Id = id.ToString(), Owner = owner.ToString(), Name = "Ann", Email = "ann@example.com",
            Phones = [new Phone(phoneId.ToString(), "+1 555 0100", "mobile")], Favorite = true, CreatedAt = T0, UpdatedAt = T0.AddDays(1),
        };
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(document.ToContact()));
        Assert.Equal(0, document.Version);
    }

    [Fact]
    public void A_user_with_unknown_fields_and_without_the_login_counters_reads_as_its_user()
    {
        var id = ObjectId.GenerateNewId();
        var stored = new BsonDocument
        {
            { "_id", id }, { "email", "ann@example.com" }, { "name", "Ann" }, { "passwordHash", "hash" }, { "subscription", "pro" },
            { "avatarUrl", "/avatars/default.png" }, { "isActive", true }, { "isAdmin", false }, { "createdAt", T0 }, { "updatedAt", T0 },
            { "lastSeenFrom", "10.0.0.1" }, { "sso", new BsonDocument("provider", "okta") },
        };

        var user = BsonSerializer.Deserialize<UserDocument>(stored).ToUser();

        Assert.Equal(new ContactsApi.Users.User
        {
            Id = id.ToString(), Email = "ann@example.com", Name = "Ann", PasswordHash = "hash", Subscription = "pro",
            AvatarUrl = "/avatars/default.png", IsActive = true, CreatedAt = T0, UpdatedAt = T0, FailedLogins = 0, LockoutEnd = null,
        }, user);
    }

    [Fact]
    public void A_session_with_unknown_fields_reads()
    {
        var (id, userId) = (ObjectId.GenerateNewId(), ObjectId.GenerateNewId());
        var stored = new BsonDocument
        {
            { "_id", id }, { "userId", userId }, { "createdAt", T0 }, { "expiresAt", T0.AddDays(1) }, { "userAgent", "curl/8" },
        };

        var session = BsonSerializer.Deserialize<SessionDocument>(stored);

        Assert.Equal((id.ToString(), userId.ToString(), T0, T0.AddDays(1)), (session.Id, session.UserId, session.CreatedAt, session.ExpiresAt));
    }

    [Fact]
    public void A_phone_edit_sends_the_number_and_label_as_literal_text_never_as_field_paths()
    {
        var phoneId = ObjectIds.New();
        var (guard, update) = MongoContactEdits.Of(new ContactEdit.EditPhone(phoneId, "+1 555 0100", "$name", T0));
        var serializer = BsonSerializer.SerializerRegistry.GetSerializer<ContactDocument>();
        var args = new RenderArgs<ContactDocument>(serializer, BsonSerializer.SerializerRegistry);

        var sent = update.Render(args).ToJson();

        Assert.Contains("""{ "number" : { "$literal" : "+1 555 0100" }, "label" : { "$literal" : "$name" } }""", sent);
        Assert.DoesNotContain("""["$name""", sent);
        Assert.Equal($$"""{ "phones" : { "$elemMatch" : { "_id" : { "$oid" : "{{phoneId}}" } } } }""", guard.Render(args).ToJson());
    }

    [Fact]
    public void A_contact_with_the_whole_card_goes_to_a_document_and_back_unchanged()
    {
        var owner = ObjectIds.New();
        var contact = new Contact
        {
            Id = ObjectIds.New(), Owner = owner, Name = "Grace", Email = "g@navy.example",
            Emails = [new ContactEmail(ObjectIds.New(), "g@navy.example", "work")], Phones = [],
            Organization = "US Navy", Title = "Admiral", Birthday = "--12-09", Notes = "a\nb",
            Addresses = [new ContactAddress(ObjectIds.New(), "work", "1 Navy Way", "Arlington", "VA", "22202", "USA")],
            Uid = "urn:uuid:grace", Kept = ["NICKNAME:Amazing Grace"], PhotoTag = "0123456789abcdef0123456789abcdef",
            CreatedAt = T0, UpdatedAt = T0,
        };

        var stored = ContactDocument.From(contact, version: 3).ToBsonDocument();
        var read = BsonSerializer.Deserialize<ContactDocument>(stored).ToContact();

        Assert.Equal(JsonSerializer.Serialize(contact), JsonSerializer.Serialize(read));
        Assert.Equal(BsonType.ObjectId, stored["emails"][0]["_id"].BsonType);
        Assert.Equal(("", 0), (stored["phone"].AsString, stored["phoneDigits"].AsBsonArray.Count));
    }

    [Fact]
    public void A_document_from_before_the_whole_card_lists_its_email_with_the_contacts_id_and_the_label_other()
    {
        var id = ObjectId.GenerateNewId();
        var stored = new BsonDocument
        {
            { "_id", id }, { "owner", ObjectId.GenerateNewId() }, { "name", "Ann" }, { "email", "ann@example.com" },
            { "phones", new BsonArray() }, { "favorite", false }, { "createdAt", T0 }, { "updatedAt", T0 },
        };

        var contact = BsonSerializer.Deserialize<ContactDocument>(stored).ToContact();

        Assert.Equal([new ContactEmail(id.ToString(), "ann@example.com", "other")], contact.ListedEmails);
        Assert.Equal((null, null, 0, 0, false), (contact.Organization, contact.Uid, contact.Addresses.Count, contact.Kept.Count, contact.HasPhoto));
    }

    [Fact]
    public void Set_fields_writes_the_cards_fields_with_an_empty_text_as_null_and_a_first_email_alone_reads_the_contact_first()
    {
        var serializer = BsonSerializer.SerializerRegistry.GetSerializer<ContactDocument>();
        var args = new RenderArgs<ContactDocument>(serializer, BsonSerializer.SerializerRegistry);
        var edit = new ContactEdit.SetFields(T0)
        {
            Emails = [new ContactEmail(ObjectIds.New(), "Z@Example.com", "home")], Organization = "", Title = "Boss",
        };

        var (guard, update) = MongoContactEdits.Of(edit);
        var set = update.Render(args).AsBsonDocument["$set"].AsBsonDocument;

        Assert.Equal("{ }", guard.Render(args).ToJson());
        Assert.Equal(("Z@Example.com", "z@example.com", BsonNull.Value, "Boss"),
            (set["email"].AsString, set["emailLower"].AsString, set["organization"], set["title"].AsString));
        Assert.False(MongoContactEdits.NeedsTheStoredContact(edit));
        Assert.True(MongoContactEdits.NeedsTheStoredContact(new ContactEdit.SetFields(T0) { Email = "a@b.co" }));
        Assert.True(MongoContactEdits.NeedsTheStoredContact(new ContactEdit.SetFields(T0) { FirstNumber = "123" }));
    }
}
