using Sessions.Web.Features.Reports.Pdf;
using static Sessions.Web.Features.Reports.Pdf.BidiText;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>Visual order (left to right on the page) of lines a report draws.</summary>
public sealed class BidiTextTests
{
    private static string Visual(string text, Direction paragraph) => Reorder(text, paragraph).Visual;

    [Theory]
    // Arabic alone is reversed, whatever the paragraph's direction.
    [InlineData("محمد", "دمحم", Direction.RightToLeft)]
    [InlineData("محمد", "دمحم", Direction.LeftToRight)]
    // A Latin name with its number keeps its order inside an Arabic line.
    [InlineData("سلمى Smith 2", "Smith 2 ىملس", Direction.RightToLeft)]
    // Numbers stay left to right in Arabic text, with either digits; times too.
    [InlineData("الصفحة 3 من 12", "12 نم 3 ةحفصلا", Direction.RightToLeft)]
    [InlineData("الصفحة ٣ من ١٢", "١٢ نم ٣ ةحفصلا", Direction.RightToLeft)]
    [InlineData("١٠:٠٠ ص–١١:٠٠ ص", "ص ١١:٠٠–ص ١٠:٠٠", Direction.RightToLeft)]
    // Arabic inside an English line is reversed in place.
    [InlineData("Ask محمد عبد الله اكلم to present.", "Ask ملكا هللا دبع دمحم to present.", Direction.LeftToRight)]
    // Brackets are mirrored in right-to-left runs, and a pair follows what it encloses (N0): around a Latin word after
    // Latin text it stays with it at the end of an Arabic line.
    [InlineData("(محمد)", "(دمحم)", Direction.RightToLeft)]
    [InlineData("Alice (محمد)", "Alice (دمحم)", Direction.LeftToRight)]
    [InlineData("الصف: Grade 10 B (Mathematics)", "Grade 10 B (Mathematics) :فصلا", Direction.RightToLeft)]
    // Combining marks (damma, fatha, shadda) stay after their letter when reversed (L3).
    [InlineData("\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F", "\u062F\u0645\u0651\u064E\u062D\u064E\u0645\u064F", Direction.RightToLeft)]
    public void A_line_is_drawn_in_visual_order(string logical, string visual, Direction paragraph)
    {
        Assert.Equal(visual, Visual(logical, paragraph));
    }

    [Fact]
    public void A_list_keeps_its_items_in_reading_order_with_the_direction_mark()
    {
        var list = List(["李华", "Student 14", "Student 21"], "، ", Direction.RightToLeft);
        var visual = Visual("الغائبون: " + list, Direction.RightToLeft).Replace(RightToLeftMark.ToString(), "", StringComparison.Ordinal);
        Assert.Equal("Student 21 ،Student 14 ،李华 :نوبئاغلا", visual);
    }

    [Fact]
    public void The_order_maps_each_visual_position_to_its_logical_index()
    {
        var (order, _) = Reorder("ab جد", Direction.LeftToRight);
        Assert.Equal([0, 1, 2, 4, 3], order);
    }

    [Fact]
    public void The_paragraph_direction_is_the_first_strong_character_s()
    {
        Assert.Equal(Direction.RightToLeft, DirectionOf("12 محمد Smith", Direction.LeftToRight));
        Assert.Equal(Direction.LeftToRight, DirectionOf("12 Smith محمد", Direction.RightToLeft));
        Assert.Equal(Direction.RightToLeft, DirectionOf("12 – 3", Direction.RightToLeft));
    }
}
