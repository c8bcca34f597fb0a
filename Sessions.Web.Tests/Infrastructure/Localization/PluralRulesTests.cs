using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sessions.Web.Features.Classes.Components;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>Counts take the form of the word their number asks for: CLDR's six Arabic categories, English's two.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class PluralRulesTests(SessionsAppFactory app)
{
    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(111, PluralCategory.Many)]
    public void Arabic_follows_CLDR(long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(CultureInfo.GetCultureInfo("ar"), count));

    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    public void English_has_one_and_other(long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(CultureInfo.GetCultureInfo("en"), count));

    [Fact]
    public void A_count_of_students_reads_right_in_both_languages()
    {
        var format = app.Services.GetRequiredService<DisplayFormat>();
        var text = app.Services.GetRequiredService<IStringLocalizer<ClassesText>>();
        long[] counts = [0, 1, 2, 3, 11, 100];

        using (new CultureScope("ar"))
        {
            Assert.Equal(["لا طلاب", "طالب واحد", "طالبان", "٣ طلاب", "١١ طالبًا", "١٠٠ طالب"], counts.Select(n => format.Count(text, "Class.Students", n)));
        }
        using (new CultureScope("en"))
        {
            Assert.Equal(["0 students", "1 student", "2 students", "3 students", "11 students", "100 students"],
                counts.Select(n => format.Count(text, "Class.Students", n)));
        }
    }
}
