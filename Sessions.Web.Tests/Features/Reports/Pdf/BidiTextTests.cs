using Sessions.Web.Features.Reports.Pdf;
using static Sessions.Web.Features.Reports.Pdf.BidiText;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>Visual order (left to right on the page) of lines a report draws.</summary>
public sealed class BidiTextTests
{
    private static string Visual(string text, Direction paragraph) => Reorder(text, paragraph).Visual;

    [Fact]
    public void Arabic_alone_is_reversed()
    {
        Assert.Equal("دمحم", Visual("محمد", Direction.RightToLeft));
        Assert.Equal("دمحم", Visual("محمد", Direction.LeftToRight));
    }

    [Fact]
    public void A_Latin_name_with_its_number_keeps_its_order_inside_an_Arabic_line()
    {
        Assert.Equal("Smith 2 ىملس", Visual("سلمى Smith 2", Direction.RightToLeft));
    }

    [Fact]
    public void Numbers_stay_left_to_right_in_Arabic_text_whichever_digits()
    {
        Assert.Equal("12 نم 3 ةحفصلا", Visual("الصفحة 3 من 12", Direction.RightToLeft));
        Assert.Equal("١٢ نم ٣ ةحفصلا", Visual("الصفحة ٣ من ١٢", Direction.RightToLeft));
        Assert.Equal("ص ١١:٠٠–ص ١٠:٠٠", Visual("١٠:٠٠ ص–١١:٠٠ ص", Direction.RightToLeft));
    }

    [Fact]
    public void Arabic_inside_an_English_line_is_reversed_in_place()
    {
        Assert.Equal("Ask ملكا هللا دبع دمحم to present.", Visual("Ask محمد عبد الله اكلم to present.", Direction.LeftToRight));
    }

    [Fact]
    public void Brackets_are_mirrored_in_right_to_left_runs_and_a_pair_follows_what_it_encloses()
    {
        Assert.Equal("(دمحم)", Visual("(محمد)", Direction.RightToLeft));
        Assert.Equal("Alice (دمحم)", Visual("Alice (محمد)", Direction.LeftToRight));
        // N0: the pair around a Latin word after Latin text stays with it at the end of an Arabic line
        Assert.Equal("Grade 10 B (Mathematics) :فصلا", Visual("الصف: Grade 10 B (Mathematics)", Direction.RightToLeft));
    }

    [Fact]
    public void Combining_marks_stay_after_their_letter_when_reversed()
    {
        Assert.Equal("\u062F\u0645\u0651\u064E\u062D\u064E\u0645\u064F", Visual("\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F", Direction.RightToLeft));
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
