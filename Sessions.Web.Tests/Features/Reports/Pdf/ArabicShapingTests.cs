using System.Text;
using Sessions.Web.Features.Reports.Pdf;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

public sealed class ArabicShapingTests
{
    [Fact]
    public void Letters_take_their_initial_medial_and_final_forms_in_a_word()
    {
        // meem initial, hah medial, meem medial, dal final (dal joins only to the letter before it)
        Assert.Equal("\uFEE3\uFEA4\uFEE4\uFEAA", ArabicShaping.Shape("محمد"));
    }

    [Fact]
    public void A_right_joining_letter_breaks_the_word_so_the_next_letter_starts_again()
    {
        // "عبد الله": ain initial, beh medial, dal final; alef isolated, lam initial, lam medial, heh final
        Assert.Equal("\uFECB\uFE92\uFEAA \uFE8D\uFEDF\uFEE0\uFEEA", ArabicShaping.Shape("عبد الله"));
    }

    [Fact]
    public void Lam_and_alef_become_one_ligature_isolated_or_final_and_the_alef_slot_is_consumed()
    {
        Assert.Equal("\uFEFB" + ArabicShaping.Consumed, ArabicShaping.Shape("لا"));
        // "سلام": seen initial, lam-alef final (joined to seen), meem isolated (alef does not join forward)
        Assert.Equal("\uFEB3\uFEFC" + ArabicShaping.Consumed + "\uFEE1", ArabicShaping.Shape("سلام"));
        Assert.Equal("\uFEF7" + ArabicShaping.Consumed, ArabicShaping.Shape("لأ"));
    }

    [Fact]
    public void Diacritics_are_transparent_and_stay_in_place()
    {
        // مُحَمَّد: the harakat and the shadda neither join nor break the joins around them
        Assert.Equal("\uFEE3\u064F\uFEA4\u064E\uFEE4\u0651\u064E\uFEAA", ArabicShaping.Shape("\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F"));
    }

    [Fact]
    public void Hamza_never_joins_and_tatweel_joins_both_sides()
    {
        Assert.Equal("\uFE8D\uFE80", ArabicShaping.Shape("اء"));
        Assert.Equal("\uFE91\u0640\uFE90", ArabicShaping.Shape("بـب"));
    }

    [Theory]
    [InlineData("محمد عبد الله")]
    [InlineData("فاطمة الزهراء")]
    [InlineData("خالد بن الوليد")]
    [InlineData("سلام عليكم")]
    [InlineData("پژمان گلشیری")]
    public void Compatibility_normalization_gives_the_logical_letters_back(string name)
    {
        var shaped = ArabicShaping.Shape(name).Replace(ArabicShaping.Consumed.ToString(), "", StringComparison.Ordinal);
        Assert.DoesNotContain(shaped, c => c is >= '\u0621' and <= '\u064A'); // every letter took a presentation form
        Assert.Equal(name, shaped.Normalize(NormalizationForm.FormKC));
    }

    [Fact]
    public void Text_without_Arabic_is_returned_as_it_is()
    {
        const string latin = "Jean-Luc Picard 王小明";
        Assert.Same(latin, ArabicShaping.Shape(latin));
    }
}
