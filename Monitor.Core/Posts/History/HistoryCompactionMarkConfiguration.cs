using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;

namespace Monitor.Core.Posts.History;

internal sealed class HistoryCompactionMarkConfiguration : IEntityTypeConfiguration<HistoryCompactionMark>
{
    public void Configure(EntityTypeBuilder<HistoryCompactionMark> builder)
    {
        builder.ToTable("history_compaction");
        builder.HasKey(m => m.Month);
        builder.Property(m => m.Resolution).HasConversion(new LowerCaseEnumConverter<HistoryResolution>()).HasMaxLength(16);
    }
}
