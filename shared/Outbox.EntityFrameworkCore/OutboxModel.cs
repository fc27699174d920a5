using Microsoft.EntityFrameworkCore;
using Tripmate.Contracts;

namespace Tripmate.Outbox.EntityFrameworkCore;

public static class OutboxModel
{
    public const string Table = "outbox_messages";

    /// <summary>Adds the outbox table to a service's model, so its migrations create it.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(Table);
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            message.Property(m => m.MessageId).HasColumnName("message_id");
            message.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            message.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            message.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            message.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            message.Property(m => m.Attempts).HasColumnName("attempts");
            message.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            message.Property(m => m.LeasedUntil).HasColumnName("leased_until");
            message.Property(m => m.SentAt).HasColumnName("sent_at");
            message.Property(m => m.ParkedAt).HasColumnName("parked_at");
            message.HasIndex(m => m.MessageId).IsUnique();
            // The relay only ever looks for pending rows; keep that lookup small however many were sent.
            message.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending").HasFilter("sent_at IS NULL AND parked_at IS NULL");
        });
        return modelBuilder;
    }

    /// <summary>Records an event in the same unit of work as the state change that raised it.</summary>
    public static void AddEvent(this DbContext db, IntegrationEvent integrationEvent) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.From(OutboxEnvelope.From(integrationEvent)));
}
