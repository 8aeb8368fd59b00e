/* test-query.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-test-query"

#include "config.h"

#include <string.h>

#include "wm-model.h"

/* One map for every table: three stages, two lanes, three personas (one
 * with an accent, one with two names) and notes that between them cover
 * the kinds, channels, owners, tags, votes and attributions the queries
 * pick from. */

typedef struct
{
  const char *id;
  const char *stage;
  const char *lane;
  WmNoteKind  kind;
  const char *text;
  const char *channel;
  const char *owner;
  const char *tags[3];
  guint       votes;
  const char *personas[3];
} FixtureNote;

static const FixtureNote fixture_notes[] = {
  { "n-1", "s-1", "l-1", WM_NOTE_KIND_TOUCHPOINT, "Sees an ad on a partner site",
    "web", "Marketing", { "ads" }, 3, { "p-1" } },
  { "n-2", "s-1", "l-2", WM_NOTE_KIND_PAIN_POINT, "Long wait on the phone",
    NULL, "Customer Care", { NULL }, 5, { "p-1", "p-2" } },
  { "n-3", "s-2", "l-1", WM_NOTE_KIND_ACTION, "Compares prices at the Café",
    "store", "Product team", { "Pricing" }, 0, { NULL } },
  { "n-4", "s-2", "l-2", WM_NOTE_KIND_PAIN_POINT, "Hidden delivery fees",
    "web", "Product team", { "pricing", "fees" }, 1, { "p-2" } },
  { "n-5", "s-3", "l-1", WM_NOTE_KIND_IDEA, "Refund in one click",
    NULL, NULL, { "late delivery" }, 2, { "p-3" } },
  { "n-6", "s-3", "l-2", WM_NOTE_KIND_QUOTE, "\"CAFE was closed at 10:30\"",
    "email", "Customer Care", { NULL }, 8, { NULL } },
  { "n-7", "s-2", "l-1", WM_NOTE_KIND_OPPORTUNITY, "Offer a price alert",
    NULL, NULL, { "ads" }, 4, { "p-3" } },
};

static WmMap *
create_map (void)
{
  static const char * const stages[][2] = {
    { "s-1", "Discover" }, { "s-2", "Decision" }, { "s-3", "Use" },
  };
  static const char * const lanes[][2] = { { "l-1", "Actions" }, { "l-2", "Pain points" } };
  static const char * const personas[][2] = {
    { "p-1", "Maya Lopez" }, { "p-2", "Dan" }, { "p-3", "Chloé" },
  };
  const char *channels[] = { "web", "email", "store", NULL };
  WmMap *map = g_object_new (WM_TYPE_MAP, "id", "m-1", NULL);

  wm_map_set_channels (map, channels);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new (stages[i][0], stages[i][1]);

      wm_map_insert_stage (map, stage, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(WmLane) lane = wm_lane_new (lanes[i][0], lanes[i][1], WM_LANE_KIND_NOTES);

      wm_map_insert_lane (map, lane, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (personas); i++)
    {
      g_autoptr(WmPersona) persona = wm_persona_new (personas[i][0], personas[i][1]);

      wm_map_insert_persona (map, persona, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixture_notes); i++)
    {
      const FixtureNote *f = &fixture_notes[i];
      g_autoptr(WmNote) note = wm_note_new (f->id, f->stage, f->lane, f->kind, f->text);

      wm_note_set_channel (note, f->channel);
      wm_note_set_owner (note, f->owner);
      wm_note_set_tags (note, f->tags);
      wm_note_set_votes (note, f->votes);
      wm_note_set_personas (note, f->personas);
      wm_map_append_note (map, note);
    }

  return map;
}

/* "n-1,n-4": the ids of the notes query picks, in map order. */
static char *
dup_matching_ids (WmQuery *query,
                  WmMap   *map)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (!wm_query_matches (query, map, note))
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, wm_element_get_id (WM_ELEMENT (note)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
dup_matching_text (const char *text,
                   WmMap      *map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmQuery) query = wm_query_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (query);

  return dup_matching_ids (query, map);
}

#define ALL "n-1,n-2,n-3,n-4,n-5,n-6,n-7"

typedef struct
{
  const char *query;
  const char *expected;
} MatchCase;

static const MatchCase match_cases[] = {
  /* empty */
  { "", ALL },
  { "   ", ALL },
  /* free words: text, owner, channel, tags; case and accents */
  { "cafe", "n-3,n-6" },
  { "CAFÉ", "n-3,n-6" },
  { "Café", "n-3,n-6" },
  { "delivery", "n-4,n-5" },
  { "marketing", "n-1" },
  { "store", "n-3" },
  { "ads", "n-1,n-7" },
  { "zebra", "" },
  { "10:30", "n-6" },
  { "note:", "" },
  /* phrases and and-ed words */
  { "\"long wait\"", "n-2" },
  { "\"wait long\"", "" },
  { "wait long", "n-2" },
  { "\"on the phone\"", "n-2" },
  { "price alert", "n-7" },
  { "price -alert", "n-3" },
  { "-delivery", "n-1,n-2,n-3,n-6,n-7" },
  { "-\"price alert\"", "n-1,n-2,n-3,n-4,n-5,n-6" },
  /* kind */
  { "kind:pain-point", "n-2,n-4" },
  { "kind:pain_point,idea", "n-2,n-4,n-5" },
  { "kind:\"Pain Point\"", "n-2,n-4" },
  { "Kind:IDEA", "n-5" },
  { "-kind:pain-point", "n-1,n-3,n-5,n-6,n-7" },
  /* channel: equality */
  { "channel:web", "n-1,n-4" },
  { "channel:WEB,email", "n-1,n-4,n-6" },
  { "channel:we", "" },
  /* owner: substring */
  { "owner:product", "n-3,n-4" },
  { "owner:\"Customer Care\"", "n-2,n-6" },
  { "owner:care,market", "n-1,n-2,n-6" },
  /* tag: equality with any tag */
  { "tag:pricing", "n-3,n-4" },
  { "tag:pric", "" },
  { "tag:\"late delivery\"", "n-5" },
  { "tag:fees,ads", "n-1,n-4,n-7" },
  /* persona: name, first word of the name, id */
  { "persona:Maya", "n-1,n-2" },
  { "persona:\"maya lopez\"", "n-1,n-2" },
  { "persona:chloe", "n-5,n-7" },
  { "persona:p-2", "n-2,n-4" },
  { "persona:Lopez", "" },
  { "persona:dan,chloe", "n-2,n-4,n-5,n-7" },
  { "-persona:maya", "n-3,n-4,n-5,n-6,n-7" },
  /* stage and lane: title or id */
  { "stage:decision", "n-3,n-4,n-7" },
  { "stage:s-3", "n-5,n-6" },
  { "stage:Nowhere", "" },
  { "lane:\"pain points\"", "n-2,n-4,n-6" },
  { "lane:l-1 stage:use", "n-5" },
  /* votes */
  { "votes:3", "n-1" },
  { "votes:>3", "n-2,n-6,n-7" },
  { "votes:>=3", "n-1,n-2,n-6,n-7" },
  { "votes:<1", "n-3" },
  { "votes:<=1,8", "n-3,n-4,n-6" },
  { "votes:0", "n-3" },
  /* and-ed terms */
  { "kind:pain-point votes:>1", "n-2" },
  { "stage:decision -tag:ads", "n-3,n-4" },
  { "owner:care -kind:quote phone", "n-2" },
  { "persona:maya,chloe kind:idea,touchpoint votes:>=2", "n-1,n-5" },
};

static void
test_query_match (gconstpointer data)
{
  const MatchCase *test = data;
  g_autoptr(WmMap) map = create_map ();
  g_autofree char *ids = NULL;
  g_autofree char *again = NULL;

  ids = dup_matching_text (test->query, map);
  g_assert_cmpstr (ids, ==, test->expected);

  /* Warm: the notes' cached texts and the query's names give the same. */
  again = dup_matching_text (test->query, map);
  g_assert_cmpstr (again, ==, test->expected);
}

typedef struct
{
  const char   *query;
  WmQueryError  code;
  const char   *message; /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "kind:pain", WM_QUERY_ERROR_BAD_VALUE,
    "\"kind:pain\" (column 1): no note kind \"pain\"; known kinds: touchpoint, action, thought, "
    "pain-point, opportunity, idea, quote, metric" },
  { "late kind:pain,idea", WM_QUERY_ERROR_BAD_VALUE, "\"kind:pain,idea\" (column 6): no note kind" },
  { "colour:red", WM_QUERY_ERROR_UNKNOWN_FIELD,
    "\"colour:red\" (column 1): no field \"colour\"; known fields: kind, channel, owner, tag, "
    "persona, stage, lane, votes" },
  { "-Colour:red", WM_QUERY_ERROR_UNKNOWN_FIELD, "no field \"Colour\"" },
  { "\"long wait", WM_QUERY_ERROR_SYNTAX, "(column 1): the quote at column 1 is never closed" },
  { "late owner:\"Customer", WM_QUERY_ERROR_SYNTAX, "the quote at column 12 is never closed" },
  { "kind:", WM_QUERY_ERROR_SYNTAX, "\"kind:\" (column 1): kind: needs a value, as in kind:idea" },
  { "café owner:", WM_QUERY_ERROR_SYNTAX, "\"owner:\" (column 6)" },
  { "refund -", WM_QUERY_ERROR_SYNTAX, "\"-\" (column 8): a lone \"-\" negates nothing" },
  { "-", WM_QUERY_ERROR_SYNTAX, "(column 1)" },
  { "kind:idea,", WM_QUERY_ERROR_SYNTAX, "a value of kind: is empty" },
  { "tag:ads,,fees", WM_QUERY_ERROR_SYNTAX, "a value of tag: is empty" },
  { "late delivery votes:>x", WM_QUERY_ERROR_BAD_VALUE,
    "\"votes:>x\" (column 15): votes wants a number, as in votes:>3" },
  { "votes:-1", WM_QUERY_ERROR_BAD_VALUE, "votes wants a number" },
  { "votes:>", WM_QUERY_ERROR_BAD_VALUE, "votes wants a number" },
  { "votes:3,many", WM_QUERY_ERROR_BAD_VALUE, "\"votes:3,many\" (column 1)" },
  { "votes:99999999999", WM_QUERY_ERROR_BAD_VALUE, "votes wants a number" },
};

static void
test_query_bad (gconstpointer data)
{
  const BadCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmQuery) query = wm_query_parse (test->query, &error);

  g_assert_null (query);
  g_assert_error (error, WM_QUERY_ERROR, (int) test->code);
  if (strstr (error->message, test->message) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, test->message);
}

typedef struct
{
  const char *query;
  const char *message; /* NULL: the check passes */
} CheckCase;

static const CheckCase check_cases[] = {
  { "stage:decision lane:l-2 persona:maya,p-3", NULL },
  { "stage:Decisoin", "\"stage:Decisoin\" (column 1): the map has no stage \"Decisoin\"" },
  { "late lane:Actions,Nope", "\"lane:Actions,Nope\" (column 6): the map has no lane \"Nope\"" },
  { "-persona:Zoe", "\"-persona:Zoe\" (column 1): the map has no persona \"Zoe\"" },
  { "kind:idea owner:nobody tag:none", NULL },
};

static void
test_query_check (gconstpointer data)
{
  const CheckCase *test = data;
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmQuery) query = wm_query_parse (test->query, &error);

  g_assert_no_error (error);
  if (test->message == NULL)
    {
      g_assert_true (wm_query_check (query, map, &error));
      g_assert_no_error (error);
      return;
    }

  g_assert_false (wm_query_check (query, map, &error));
  g_assert_error (error, WM_QUERY_ERROR, WM_QUERY_ERROR_NOT_IN_MAP);
  g_assert_cmpstr (error->message, ==, test->message);
}

static void
test_query_boxed (void)
{
  g_autoptr(WmQuery) query = wm_query_parse ("  kind:idea  ", NULL);
  g_autoptr(WmQuery) empty = wm_query_parse (NULL, NULL);
  WmQuery *copy;

  g_assert_cmpstr (wm_query_get_text (query), ==, "  kind:idea  ");
  g_assert_false (wm_query_is_empty (query));
  g_assert_true (wm_query_is_empty (empty));
  g_assert_cmpstr (wm_query_get_text (empty), ==, "");

  copy = g_boxed_copy (WM_TYPE_QUERY, query);
  g_assert_true (copy == query);
  g_boxed_free (WM_TYPE_QUERY, copy);
  g_assert_cmpstr (wm_query_get_text (query), ==, "  kind:idea  ");
}

/* The cached texts and names follow the map. */
static void
test_query_follows_changes (void)
{
  g_autoptr(WmMap) map = create_map ();
  WmNote *n3 = wm_map_lookup_note (map, "n-3");
  const char *tags[] = { "Rebate", NULL };
  const char *personas[] = { "p-2", NULL };
  g_autofree char *ids = NULL;

  g_assert_cmpstr ((ids = dup_matching_text ("cafe", map)), ==, "n-3,n-6");
  g_clear_pointer (&ids, g_free);
  wm_note_set_text (n3, "Compares prices online");
  g_assert_cmpstr ((ids = dup_matching_text ("cafe", map)), ==, "n-6");
  g_clear_pointer (&ids, g_free);

  wm_note_set_tags (n3, tags);
  g_assert_cmpstr ((ids = dup_matching_text ("tag:rebate", map)), ==, "n-3");
  g_clear_pointer (&ids, g_free);
  wm_note_set_owner (n3, "Finance");
  g_assert_cmpstr ((ids = dup_matching_text ("owner:fin", map)), ==, "n-3");
  g_clear_pointer (&ids, g_free);
  wm_note_set_channel (n3, "email");
  g_assert_cmpstr ((ids = dup_matching_text ("channel:email", map)), ==, "n-3,n-6");
  g_clear_pointer (&ids, g_free);
  wm_note_set_personas (n3, personas);
  g_assert_cmpstr ((ids = dup_matching_text ("persona:dan", map)), ==, "n-2,n-3,n-4");
  g_clear_pointer (&ids, g_free);
}

/* One query kept across changes of the names it resolves. */
static void
test_query_follows_names (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmMap) other = create_map ();
  g_autoptr(WmQuery) stage = wm_query_parse ("stage:Compare", NULL);
  g_autoptr(WmQuery) persona = wm_query_parse ("persona:Ann", NULL);
  g_autoptr(WmStage) added = wm_stage_new ("s-4", "Compare");
  g_autofree char *ids = NULL;

  g_assert_cmpstr ((ids = dup_matching_ids (stage, map)), ==, "");
  g_clear_pointer (&ids, g_free);
  wm_stage_set_title (wm_map_lookup_stage (map, "s-2"), "Compare");
  g_assert_cmpstr ((ids = dup_matching_ids (stage, map)), ==, "n-3,n-4,n-7");
  g_clear_pointer (&ids, g_free);

  /* Another map: resolved again, in that map. */
  g_assert_cmpstr ((ids = dup_matching_ids (stage, other)), ==, "");
  g_clear_pointer (&ids, g_free);
  g_assert_cmpstr ((ids = dup_matching_ids (stage, map)), ==, "n-3,n-4,n-7");
  g_clear_pointer (&ids, g_free);

  /* A stage removed and one added. */
  wm_map_remove_stage (map, wm_map_lookup_stage (map, "s-2"));
  g_assert_cmpstr ((ids = dup_matching_ids (stage, map)), ==, "");
  g_clear_pointer (&ids, g_free);
  wm_map_insert_stage (map, added, -1);
  wm_map_move_note (map, wm_map_lookup_note (map, "n-5"), "s-4", "l-1", -1);
  g_assert_cmpstr ((ids = dup_matching_ids (stage, map)), ==, "n-5");
  g_clear_pointer (&ids, g_free);

  g_assert_cmpstr ((ids = dup_matching_ids (persona, map)), ==, "");
  g_clear_pointer (&ids, g_free);
  wm_persona_set_name (wm_map_lookup_persona (map, "p-2"), "Ann Smith");
  g_assert_cmpstr ((ids = dup_matching_ids (persona, map)), ==, "n-2,n-4");
  g_clear_pointer (&ids, g_free);
}

typedef struct
{
  const char *query;
  const char *field;
  const char *expected; /* values joined by '|' */
} ValuesCase;

static const ValuesCase values_cases[] = {
  { "kind:pain_point,idea late -kind:quote Kind:metric", "kind", "pain-point|idea|metric" },
  { "owner:\"Customer Care\",cx", "owner", "Customer Care|cx" },
  { "-tag:ads", "tag", "" },
  { "votes:>=3", "votes", ">=3" },
  { "persona:maya late", "persona", "maya" },
  { "persona:maya", "stage", "" },
  { "delivery", "colour", "" },
};

static void
test_query_dup_values (gconstpointer data)
{
  const ValuesCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmQuery) query = wm_query_parse (test->query, &error);
  g_auto(GStrv) values = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  values = wm_query_dup_values (query, test->field);
  g_assert_nonnull (values);
  joined = g_strjoinv ("|", values);
  g_assert_cmpstr (joined, ==, test->expected);
}

typedef struct
{
  const char *text;
  const char *field;
  const char *values[4];
  const char *expected;
} WithValuesCase;

static const WithValuesCase with_values_cases[] = {
  { "late  kind:idea   -refund", "kind", { "pain-point", "idea" },
    "late kind:pain-point,idea -refund" },
  { "late", "owner", { "Customer Care" }, "late owner:\"Customer Care\"" },
  { "kind:idea late kind:quote", "kind", { NULL }, "late" },
  { "kind:idea late KIND:quote", "kind", { "metric" }, "kind:metric late" },
  { "-kind:idea late", "kind", { "quote" }, "-kind:idea late kind:quote" },
  { "", "tag", { "ads" }, "tag:ads" },
  { "\"long  wait\" Kind:idea", "kind", { "metric" }, "\"long  wait\" kind:metric" },
  { "kind:idea", "kind", { NULL }, "" },
  { "10:30 tag:x", "tag", { "a,b", "c" }, "10:30 tag:\"a,b\",c" },
  { "owner:\"Customer Care\" votes:>3", "votes", { "<=1" }, "owner:\"Customer Care\" votes:<=1" },
  /* A text that does not parse is still rewritten term by term. */
  { "colour:red \"open", "kind", { "idea" }, "colour:red \"open\" kind:idea" },
};

static void
test_query_text_with_values (gconstpointer data)
{
  const WithValuesCase *test = data;
  g_autofree char *text = NULL;
  g_autoptr(WmQuery) query = NULL;
  g_auto(GStrv) values = NULL;

  text = wm_query_text_with_values (test->text, test->field, test->values);
  g_assert_cmpstr (text, ==, test->expected);

  /* What the popover reads back is what it wrote. */
  query = wm_query_parse (text, NULL);
  if (query == NULL)
    return;
  values = wm_query_dup_values (query, test->field);
  g_assert_cmpuint (g_strv_length (values), ==, g_strv_length ((char **) test->values));
  for (guint i = 0; values[i] != NULL; i++)
    g_assert_cmpstr (values[i], ==, test->values[i]);
}

static void
add_table_tests (const char    *prefix,
                 gconstpointer  table,
                 gsize          row_size,
                 guint          n_rows,
                 GTestDataFunc  func)
{
  for (guint i = 0; i < n_rows; i++)
    {
      gconstpointer row = (const char *) table + i * row_size;
      const char *name = *(const char * const *) row;
      g_autofree char *escaped = g_strescape (name, NULL);
      g_autofree char *path = g_strdup_printf ("%s/%u %s", prefix, i, escaped);

      g_strdelimit (path + strlen (prefix) + 1, "/", '|');
      g_test_add_data_func (path, row, func);
    }
}

#define ADD_TABLE(prefix, table, func) \
  add_table_tests (prefix, table, sizeof table[0], G_N_ELEMENTS (table), func)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TABLE ("/model/query/match", match_cases, test_query_match);
  ADD_TABLE ("/model/query/bad", bad_cases, test_query_bad);
  ADD_TABLE ("/model/query/check", check_cases, test_query_check);
  ADD_TABLE ("/model/query/dup-values", values_cases, test_query_dup_values);
  ADD_TABLE ("/model/query/text-with-values", with_values_cases, test_query_text_with_values);
  g_test_add_func ("/model/query/boxed", test_query_boxed);
  g_test_add_func ("/model/query/follows-changes", test_query_follows_changes);
  g_test_add_func ("/model/query/follows-names", test_query_follows_names);

  return g_test_run ();
}
