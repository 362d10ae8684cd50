package org.mentorshipgraph.tools.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * The people, teams and departments of a generated organisation, and who tends to talk to whom.
 *
 * <p>People are indexed {@code 0..n-1}; person {@code i} has id {@code p} followed by {@code i + 1} zero-padded to
 * at least 4 digits. Membership is shuffled, so ids say nothing about teams. All lists are arrays in index order,
 * so nothing depends on hash iteration order.
 */
final class Organisation {

    static final int LONDON = 0;
    static final int BERLIN = 1;
    static final int NEW_YORK = 2;
    static final int REMOTE = 3;
    static final String[] LOCATIONS = {"London", "Berlin", "New York", "Remote"};
    static final String[] ZONES = {"Europe/London", "Europe/Berlin", "America/New_York", "UTC"};

    private static final String[] DEPARTMENT_NAMES = {
        "Engineering", "Product", "Data & Analytics", "Customer Operations"
    };
    /** Team names per department of the default four; other teams are numbered. */
    private static final String[][] TEAM_NAMES = {
        {
            "Payments",
            "Search",
            "Identity",
            "Mobile",
            "Web Platform",
            "Infrastructure",
            "Developer Experience",
            "Reliability",
            "Checkout",
            "Messaging"
        },
        {
            "Growth",
            "Onboarding",
            "Design Systems",
            "Pricing",
            "Catalog",
            "Notifications",
            "Integrations",
            "Accessibility"
        },
        {
            "Insights",
            "Machine Learning",
            "Data Platform",
            "Experimentation",
            "Analytics Engineering",
            "Forecasting",
            "Data Governance",
            "Recommendations"
        },
        {
            "Support",
            "Customer Success",
            "Partnerships",
            "Billing Operations",
            "Trust & Safety",
            "Localization",
            "Enablement",
            "Community"
        }
    };

    private static final String TINY_TEAM_NAME = "Privacy Office";

    static final String[][] IC_TITLES = {
        {"Software Engineer", "Software Engineer", "Site Reliability Engineer", "QA Engineer"},
        {"Product Manager", "Product Designer", "UX Researcher"},
        {"Data Scientist", "Data Engineer", "Analyst"},
        {"Support Specialist", "Customer Success Manager", "Solutions Consultant"}
    };
    static final String[] MANAGER_TITLES = {
        "Engineering Manager", "Group Product Manager", "Data Science Manager", "Support Manager"
    };
    static final String[] HEAD_TITLES = {"VP Engineering", "VP Product", "Head of Data", "VP Customer Operations"};
    private static final String[] LEVEL_PREFIX = {"", "Associate ", "", "Senior ", "Staff ", "Principal "};
    /** The highest level of the individual-contributor ladder ({@code Principal ...}). */
    static final int TOP_IC_LEVEL = LEVEL_PREFIX.length - 1;

    static final String PRIVACY_COUNSEL = "Privacy Counsel";
    static final String PRIVACY_OFFICER = "Data Protection Officer";
    /** The title below {@link #PRIVACY_COUNSEL} on the tiny team's track. */
    static final String PRIVACY_ANALYST = "Privacy Analyst";

    static final String[][] SKILLS = {
        {
            "java",
            "kotlin",
            "go",
            "spark",
            "kubernetes",
            "sql",
            "react",
            "typescript",
            "distributed-systems",
            "security",
            "testing",
            "aws"
        },
        {
            "user-research",
            "figma",
            "roadmapping",
            "product-analytics",
            "copywriting",
            "prototyping",
            "accessibility",
            "pricing",
            "a-b-testing"
        },
        {
            "python",
            "sql",
            "statistics",
            "machine-learning",
            "spark",
            "dbt",
            "data-modeling",
            "visualization",
            "causal-inference",
            "airflow"
        },
        {
            "customer-success",
            "negotiation",
            "crm",
            "support-tooling",
            "onboarding",
            "technical-writing",
            "account-management",
            "escalations"
        }
    };
    private static final String[] PRIVACY_SKILLS = {"privacy-law", "gdpr", "risk-assessment", "technical-writing"};
    private static final String[] FIRST_NAMES = {
        "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya",
        "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Xavi", "Yara", "Zane",
        "Amara", "Bruno", "Carla", "Dara", "Emil", "Farah", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Marek",
        "Noor", "Oskar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wanda", "Yusuf", "Zoe"
    };
    private static final String[] LAST_NAMES = {
        "Abara",
        "Berg",
        "Costa",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Haddad",
        "Ito",
        "Jansen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Nakamura",
        "Okafor",
        "Patel",
        "Quist",
        "Rossi",
        "Schmidt",
        "Tanaka",
        "Ueda",
        "Varga",
        "Weber",
        "Xu",
        "Yilmaz",
        "Zimmer",
        "Almeida",
        "Brennan",
        "Chen",
        "Dlamini",
        "Ekström",
        "Fernandes",
        "Gallo",
        "Horvat",
        "Iversen",
        "Jovanovic",
        "Kaur",
        "Lopez",
        "Mensah",
        "Novak",
        "Olsen",
        "Petrov",
        "Reyes",
        "Sato",
        "Toivonen",
        "Usman",
        "Vogel",
        "Walsh",
        "Young",
        "Zhou"
    };

    final Spec spec;
    final int n;
    final char[][] idChars;
    final String[] ids;
    final int[] team;
    final int[] dept;
    final int[] manager;
    final int[] level;
    final int[] location;
    /** Day index of the hire date (negative: before the data starts). */
    final int[] hireDay;

    final double[] activity;
    final boolean[] isManager;
    final String[] displayName;
    final String[] title;
    final String[] skills;
    final String[] wantsToLearn;

    // The mentoring columns of people.csv, filled by drawMentoringProfiles (and adjusted by PlantedMentoring).
    /** {@code ""} (the default: open), {@code "true"} or {@code "false"}. */
    final String[] openToMentor;
    /** Mentees at once, or -1 for an empty field (the default, 3). */
    final int[] mentorCapacity;
    /** A title the person aims for, or {@code ""}. */
    final String[] careerGoal;

    final int teamCount;
    final String[] teamName;
    final int[] teamDept;
    final int[][] members;
    final int[] teamManager;
    final boolean[] tinyTeam;
    /** Weekday (1 = Monday) of the team's weekly sync. */
    final int[] syncDow;
    /** Squads of the teams with more than 10 members (others: none); the first member leads. */
    final int[][][] squads;

    final int[][] squadDow;

    final int deptCount;
    final String[] deptName;
    final int[][] deptTeams;
    final int[][] deptRegularTeams;
    final int[] deptHead;

    // Filled by buildSocialCircles, after the scenario has chosen who is kept out of the background.
    int[][] closeColleagues;
    int[][] departmentContacts;
    /** Per department: standing cross-team guilds meeting every other week; the first member leads. */
    int[][][] guilds;

    int[][] guildDow;
    int[][] guildParity;

    private Organisation(Spec spec) {
        this.spec = spec;
        this.n = spec.people();
        this.teamCount = spec.teams();
        this.deptCount = spec.departments();
        idChars = new char[n][];
        ids = new String[n];
        int width = Math.max(4, Integer.toString(n).length());
        for (int i = 0; i < n; i++) {
            String digits = Integer.toString(i + 1);
            ids[i] = "p" + "0".repeat(width - digits.length()) + digits;
            idChars[i] = ids[i].toCharArray();
        }
        team = new int[n];
        dept = new int[n];
        manager = new int[n];
        level = new int[n];
        location = new int[n];
        hireDay = new int[n];
        activity = new double[n];
        isManager = new boolean[n];
        displayName = new String[n];
        title = new String[n];
        skills = new String[n];
        wantsToLearn = new String[n];
        openToMentor = new String[n];
        mentorCapacity = new int[n];
        careerGoal = new String[n];
        Arrays.fill(openToMentor, "");
        Arrays.fill(mentorCapacity, -1);
        Arrays.fill(careerGoal, "");
        teamName = new String[teamCount];
        teamDept = new int[teamCount];
        members = new int[teamCount][];
        teamManager = new int[teamCount];
        tinyTeam = new boolean[teamCount];
        syncDow = new int[teamCount];
        squads = new int[teamCount][][];
        squadDow = new int[teamCount][];
        deptName = new String[deptCount];
        deptTeams = new int[deptCount][];
        deptRegularTeams = new int[deptCount][];
        deptHead = new int[deptCount];
    }

    int size() {
        return n;
    }

    static Organisation build(Spec spec, SplittableRandom r) {
        Organisation o = new Organisation(spec);
        o.buildTeams(r);
        o.buildPeople(r);
        return o;
    }

    private void buildTeams(SplittableRandom r) {
        int regularTeams = teamCount - (spec.tinyTeam() ? 1 : 0);
        int regularPeople = n - (spec.tinyTeam() ? Spec.TINY_TEAM_SIZE : 0);
        int[] sizes = teamSizes(regularTeams, regularPeople, r);

        // Departments: regular teams dealt round-robin in shuffled order; the tiny team joins the smallest.
        int[] order = shuffledRange(regularTeams, r);
        List<List<Integer>> byDept = new ArrayList<>();
        for (int d = 0; d < deptCount; d++) {
            byDept.add(new ArrayList<>());
        }
        for (int i = 0; i < regularTeams; i++) {
            byDept.get(i % deptCount).add(order[i]);
        }
        for (int d = 0; d < deptCount; d++) {
            deptName[d] = deptCount <= DEPARTMENT_NAMES.length
                    ? DEPARTMENT_NAMES[d]
                    : String.format("Department %03d", d + 1);
            deptRegularTeams[d] =
                    byDept.get(d).stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int i = 0; i < deptRegularTeams[d].length; i++) {
                int t = deptRegularTeams[d][i];
                teamDept[t] = d;
                boolean named = deptCount <= TEAM_NAMES.length && i < TEAM_NAMES[d].length;
                teamName[t] = named ? TEAM_NAMES[d][i] : String.format("Team %04d", t + 1);
            }
        }
        if (spec.tinyTeam()) {
            int t = teamCount - 1;
            tinyTeam[t] = true;
            teamName[t] = TINY_TEAM_NAME;
            int smallest = 0;
            for (int d = 1; d < deptCount; d++) {
                if (byDept.get(d).size() < byDept.get(smallest).size()) {
                    smallest = d;
                }
            }
            teamDept[t] = smallest;
            byDept.get(smallest).add(t);
        }
        for (int d = 0; d < deptCount; d++) {
            deptTeams[d] =
                    byDept.get(d).stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        // Members: a shuffled permutation of person indices, cut into teams.
        int[] perm = shuffledRange(n, r);
        int at = 0;
        for (int t = 0; t < teamCount; t++) {
            int size = tinyTeam[t] ? Spec.TINY_TEAM_SIZE : sizes[t];
            members[t] = Arrays.copyOfRange(perm, at, at + size);
            Arrays.sort(members[t]);
            at += size;
            for (int p : members[t]) {
                team[p] = t;
                dept[p] = teamDept[t];
            }
            teamManager[t] = members[t][r.nextInt(size)];
            isManager[teamManager[t]] = true;
            syncDow[t] = 1 + r.nextInt(5);
        }
        for (int d = 0; d < deptCount; d++) {
            int head = -1;
            for (int t : deptTeams[d]) {
                if (head < 0 || members[t].length > members[team[head]].length) {
                    head = teamManager[t];
                }
            }
            deptHead[d] = head;
        }
    }

    /** Sizes skewed towards small teams, between 8 and 30 around the mean (bounds widen for other means). */
    private static int[] teamSizes(int teams, int people, SplittableRandom r) {
        double mean = (double) people / teams;
        int lo = (int) Math.max(4, Math.min(8, Math.floor(mean / 2)));
        int hi = (int) Math.max(30, Math.ceil(2 * mean - lo));
        double skew = Math.max(0.05, (hi - lo) / Math.max(0.5, mean - lo) - 1);
        int[] sizes = new int[teams];
        long sum = 0;
        for (int t = 0; t < teams; t++) {
            sizes[t] = lo + (int) Math.floor((hi - lo + 1) * Math.pow(r.nextDouble(), skew));
            sizes[t] = Math.min(hi, sizes[t]);
            sum += sizes[t];
        }
        while (sum != people) {
            int t = r.nextInt(teams);
            if (sum < people && sizes[t] < hi) {
                sizes[t]++;
                sum++;
            } else if (sum > people && sizes[t] > lo) {
                sizes[t]--;
                sum--;
            }
        }
        return sizes;
    }

    private void buildPeople(SplittableRandom r) {
        for (int t = 0; t < teamCount; t++) {
            int d = teamDept[t];
            int teamLocation = r.nextInt(10) < 5 ? LONDON : r.nextInt(10) < 6 ? BERLIN : NEW_YORK;
            for (int p : members[t]) {
                int head = deptHead[d];
                manager[p] = p == head ? -1 : isManager[p] ? head : teamManager[t];
                if (p == head) {
                    level[p] = 7;
                } else if (isManager[p]) {
                    level[p] = r.nextInt(10) < 6 ? 5 : 6;
                } else {
                    int x = r.nextInt(100);
                    level[p] = x < 15 ? 1 : x < 45 ? 2 : x < 75 ? 3 : x < 93 ? 4 : 5;
                }
                int x = r.nextInt(100);
                location[p] = x < 75 ? teamLocation : x < 88 ? REMOTE : (teamLocation + 1 + r.nextInt(2)) % 3;
                // Hired between nine years and a month before the data starts; managers earlier.
                int maxBack = 9 * 365;
                int back = 30 + (int) (maxBack * Math.pow(r.nextDouble(), isManager[p] ? 0.5 : 1.4));
                hireDay[p] = -back;
                activity[p] = Math.exp(0.45 * gaussian(r) - 0.45 * 0.45 / 2);
                displayName[p] =
                        FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
                int family = tinyTeam[t] ? -1 : d % IC_TITLES.length;
                if (tinyTeam[t]) {
                    title[p] = isManager[p] ? PRIVACY_OFFICER : PRIVACY_COUNSEL;
                } else if (p == head) {
                    title[p] = HEAD_TITLES[family];
                } else if (isManager[p]) {
                    title[p] = MANAGER_TITLES[family];
                } else {
                    String[] options = IC_TITLES[family];
                    title[p] = LEVEL_PREFIX[level[p]] + options[r.nextInt(options.length)];
                }
                String[] vocabulary = family < 0 ? PRIVACY_SKILLS : SKILLS[family];
                List<String> own = pick(vocabulary, 2 + r.nextInt(3), List.of(), r);
                skills[p] = String.join(";", own);
                String[] other = SKILLS[r.nextInt(SKILLS.length)];
                wantsToLearn[p] = String.join(";", pick(other, 1 + r.nextInt(2), own, r));
            }
        }
    }

    private static List<String> pick(String[] vocabulary, int count, List<String> exclude, SplittableRandom r) {
        List<String> out = new ArrayList<>();
        for (int tries = 0; out.size() < count && tries < 50; tries++) {
            String s = vocabulary[r.nextInt(vocabulary.length)];
            if (!out.contains(s) && !exclude.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Close colleagues (3–5 teammates), department contacts (1–3 people in other teams of the department) and the
     * department guilds. People the scenario keeps out of the background (newcomers) are never chosen.
     */
    void buildSocialCircles(SplittableRandom r, PlantedScenario scenario) {
        closeColleagues = new int[n][];
        departmentContacts = new int[n][];
        for (int p = 0; p < n; p++) {
            int[] mates = members[team[p]];
            int want = Math.min(mates.length - 1, 3 + r.nextInt(3));
            int[] close = new int[want];
            int k = 0;
            for (int tries = 0; k < want && tries < 100; tries++) {
                int q = mates[r.nextInt(mates.length)];
                if (q != p && !scenario.isBackgroundExcluded(q) && !contains(close, k, q)) {
                    close[k++] = q;
                }
            }
            closeColleagues[p] = Arrays.copyOf(close, k);

            int[] teams = deptRegularTeams[dept[p]];
            int wantContacts = teams.length > 1 ? 1 + r.nextInt(3) : 0;
            int[] contacts = new int[wantContacts];
            k = 0;
            for (int tries = 0; k < wantContacts && tries < 100; tries++) {
                int t = teams[r.nextInt(teams.length)];
                if (t == team[p]) {
                    continue;
                }
                int q = members[t][r.nextInt(members[t].length)];
                if (!scenario.isBackgroundExcluded(q) && !contains(contacts, k, q)) {
                    contacts[k++] = q;
                }
            }
            departmentContacts[p] = Arrays.copyOf(contacts, k);
        }

        guilds = new int[deptCount][][];
        guildDow = new int[deptCount][];
        guildParity = new int[deptCount][];
        for (int d = 0; d < deptCount; d++) {
            int[] teams = deptRegularTeams[d];
            int count = teams.length < 2 ? 0 : Math.max(1, teams.length / 2);
            guilds[d] = new int[count][];
            guildDow[d] = new int[count];
            guildParity[d] = new int[count];
            for (int g = 0; g < count; g++) {
                int want = 5 + r.nextInt(4);
                int[] guild = new int[want];
                int k = 0;
                for (int tries = 0; k < want && tries < 200; tries++) {
                    int t = teams[r.nextInt(teams.length)];
                    int q = members[t][r.nextInt(members[t].length)];
                    if (!scenario.isBackgroundExcluded(q) && !contains(guild, k, q)) {
                        guild[k++] = q;
                    }
                }
                guilds[d][g] = Arrays.copyOf(guild, k);
                guildDow[d][g] = 1 + r.nextInt(5);
                guildParity[d][g] = r.nextInt(2);
            }
        }

        for (int t = 0; t < teamCount; t++) {
            List<Integer> pool = new ArrayList<>();
            for (int p : members[t]) {
                if (p != teamManager[t] && !scenario.isBackgroundExcluded(p)) {
                    pool.add(p);
                }
            }
            if (members[t].length <= 10) {
                squads[t] = new int[0][];
                squadDow[t] = new int[0];
                continue;
            }
            int[] shuffled = pool.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, r);
            int count = (shuffled.length + 7) / 8;
            squads[t] = new int[count][];
            squadDow[t] = new int[count];
            for (int s = 0; s < count; s++) {
                int from = s * shuffled.length / count;
                int to = (s + 1) * shuffled.length / count;
                squads[t][s] = Arrays.copyOfRange(shuffled, from, to);
                squadDow[t][s] = 1 + r.nextInt(5);
            }
        }
    }

    static boolean contains(int[] a, int len, int v) {
        for (int i = 0; i < len; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    static int[] shuffledRange(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, r);
        return a;
    }

    static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * The mentoring columns, drawn for everyone from {@code r} (a stream of their own, so nothing else shifts): about
     * 10% {@code open_to_mentor=false}, 20% an explicit {@code true}, the rest empty (open by default); a capacity
     * of 1–4 for about 30% (never below the mentorships they already have, {@code activeMentorships[p]}); a career goal
     * one or two steps up the person's own track ({@link #titleAbove}) for about 27% of those who have a step above
     * them, about a quarter of everybody. Every person takes the same draws, whatever they end up with.
     */
    void drawMentoringProfiles(SplittableRandom r, int[] activeMentorships) {
        for (int p = 0; p < n; p++) {
            int open = r.nextInt(100);
            int withCapacity = r.nextInt(100);
            int capacity = 1 + r.nextInt(4);
            int withGoal = r.nextInt(100);
            int steps = 1 + r.nextInt(2);
            openToMentor[p] = open < 10 ? "false" : open < 30 ? "true" : "";
            mentorCapacity[p] = withCapacity < 30 ? Math.max(capacity, activeMentorships[p]) : -1;
            String goal = titleAbove(p, steps);
            careerGoal[p] = withGoal < 27 && goal != null ? goal : "";
        }
    }

    /** The family of titles and skills of department {@code d} (the four named departments, cycled). */
    static int family(int d) {
        return d % IC_TITLES.length;
    }

    /** Whether {@code p} is on an individual-contributor ladder ({@code Associate X} ... {@code Principal X}). */
    boolean onLadder(int p) {
        return !isManager[p] && !tinyTeam[team[p]] && level[p] >= 1 && level[p] <= TOP_IC_LEVEL;
    }

    /** The title without its level prefix ({@code Software Engineer} for {@code Senior Software Engineer}). */
    String baseTitle(int p) {
        return stripPrefix(title[p]);
    }

    static String stripPrefix(String title) {
        for (String prefix : LEVEL_PREFIX) {
            if (!prefix.isEmpty() && title.startsWith(prefix)) {
                return title.substring(prefix.length());
            }
        }
        return title;
    }

    /** The title at {@code level} of the ladder of {@code base} ({@code level} 1 to {@link #TOP_IC_LEVEL}). */
    static String ladderTitle(String base, int level) {
        return LEVEL_PREFIX[level] + base;
    }

    /**
     * Gives a person on a ladder another base title at the same level ({@code Staff QA Engineer} → {@code Staff
     * Software Engineer}); a career goal up the old ladder moves to the same rung of the new one.
     */
    void setBaseTitle(int p, String base) {
        String old = baseTitle(p);
        title[p] = ladderTitle(base, level[p]);
        String goal = careerGoal[p];
        if (goal.endsWith(old) && stripPrefix(goal).equals(old)) {
            careerGoal[p] = goal.substring(0, goal.length() - old.length()) + base;
        }
    }

    /**
     * The title {@code steps} up {@code p}'s own track, or null when there is none: the next rungs of an
     * individual contributor's ladder (up to {@code Principal}); a manager's goal is the department head's title;
     * privacy counsel aim at data protection officer; heads and principals have no step above on their track.
     */
    String titleAbove(int p, int steps) {
        if (tinyTeam[team[p]]) {
            return isManager[p] ? null : PRIVACY_OFFICER;
        }
        if (manager[p] < 0) {
            return null;
        }
        if (isManager[p]) {
            return HEAD_TITLES[family(dept[p])];
        }
        return level[p] >= TOP_IC_LEVEL ? null : ladderTitle(baseTitle(p), Math.min(TOP_IC_LEVEL, level[p] + steps));
    }

    /** Raises a person to {@code newLevel}, adjusting the title's level prefix. */
    void promote(int p, int newLevel) {
        String base = title[p];
        for (String prefix : LEVEL_PREFIX) {
            if (!prefix.isEmpty() && base.startsWith(prefix)) {
                base = base.substring(prefix.length());
            }
        }
        level[p] = newLevel;
        title[p] = isManager[p] ? title[p] : LEVEL_PREFIX[newLevel] + base;
    }

    LocalDate hireDate(int p) {
        return spec.startDate().plusDays(hireDay[p]);
    }

    void writePeopleCsv(Path file) throws IOException {
        try (BufferedWriter w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("person_id,display_name,team,department,manager_id,title,level,location,hire_date,skills,"
                    + "wants_to_learn,open_to_mentor,mentor_capacity,career_goal\n");
            for (int p = 0; p < n; p++) {
                w.write(ids[p]);
                w.write(',');
                w.write(csv(displayName[p]));
                w.write(',');
                w.write(csv(teamName[team[p]]));
                w.write(',');
                w.write(csv(deptName[dept[p]]));
                w.write(',');
                w.write(manager[p] < 0 ? "" : ids[manager[p]]);
                w.write(',');
                w.write(csv(title[p]));
                w.write(',');
                w.write(Integer.toString(level[p]));
                w.write(',');
                w.write(csv(LOCATIONS[location[p]]));
                w.write(',');
                w.write(hireDate(p).toString());
                w.write(',');
                w.write(csv(skills[p]));
                w.write(',');
                w.write(csv(wantsToLearn[p]));
                w.write(',');
                w.write(openToMentor[p]);
                w.write(',');
                w.write(mentorCapacity[p] < 0 ? "" : Integer.toString(mentorCapacity[p]));
                w.write(',');
                w.write(csv(careerGoal[p]));
                w.write('\n');
            }
        }
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
