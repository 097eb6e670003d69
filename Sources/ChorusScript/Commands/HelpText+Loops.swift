extension HelpText {
    /// The page `help for` shows: loops, which run a pipeline once per value and collect the results.
    public static let loops = """
        for NAME in VALUES … end: runs the statements between the two once per value.

          votes = for k in [1, 2, 4]       a sweep over k
            vote s k: k                    the body: any statements, one per line
          end                              `end` closes the body (indentation is free)
          compare s votes                  the loop's value: a list, one result per k

        Before each iteration a line names the value (`── k = 2 ──`); the body's
        statements show their values as they would on their own. The loop's value
        is the list of each iteration's last value; `name = for …` keeps it. A
        list of results goes wherever a command takes several: `compare s votes`,
        `plot sets`. Variables set in the body, and the loop variable, stay set.

        Several settings at once: go over records.

          sets = for setting in [{t: 0.3, name: "cool"}, {t: 0.7, name: "warm"}]
            sample gen data n: 4 temperature: setting.t seed: 1 name: setting.name
          end
          plot sets

        Loops nest (`for t in … for k in … end end`); on one line, separate the
        parts with `;`: `for k in [1, 2]; print k; end`. A sweep replays from the
        sample store like any statement. If an iteration fails, or Ctrl-C stops
        it, the loop changes no variable and says where it stopped; what it drew
        is in the store, so running it again draws only the rest.

        """
}
