#!/usr/bin/env python3
# check-sample.py
#
# Copyright 2026 The Waymark authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that a .waymark file is written exactly as the format(version 1)
# prescribes: canonical layout, key order, ids and references. Run by the
# 'data' test suite on the built-in sample, which must stay a good example.

import json
import re
import sys

MAP_KEYS = ['format', 'version', 'id', 'title', 'description', 'objectives',
            'channels', 'created', 'modified', 'personas', 'stages', 'lanes',
            'notes']
PERSONA_KEYS = ['id', 'name', 'role', 'quote', 'goals', 'needs',
                'frustrations', 'color', 'emotions']
STAGE_KEYS = ['id', 'title', 'description', 'width']
LANE_KEYS = ['id', 'title', 'kind', 'height']
NOTE_KEYS = ['id', 'stage', 'lane', 'kind', 'text', 'channel', 'owner',
             'votes', 'color', 'tags']
NOTE_KINDS = {'touchpoint', 'action', 'thought', 'pain-point', 'opportunity',
              'idea', 'quote', 'metric'}
LANE_KINDS = {'notes', 'text', 'emotion', 'channels', 'backstage'}


def ordered(keys, order):
    return keys == [k for k in order if k in keys]


def check(text):
    problems = []
    doc = json.loads(text)

    if text != json.dumps(doc, indent=2, ensure_ascii=False) + '\n':
        problems.append('layout is not canonical (2-space indent, final newline)')
    if doc.get('format') != 'waymark' or doc.get('version') != 1:
        problems.append('not a version 1 waymark map')
    if not ordered(list(doc), MAP_KEYS) or set(doc) - set(MAP_KEYS):
        problems.append('map keys out of order or unknown')

    ids = [doc['id']]
    for key, prefix, order in (('personas', 'p', PERSONA_KEYS),
                               ('stages', 's', STAGE_KEYS),
                               ('lanes', 'l', LANE_KEYS),
                               ('notes', 'n', NOTE_KEYS)):
        for element in doc[key]:
            if not re.fullmatch(prefix + '-[0-9a-f]{8}', element['id']):
                problems.append('element %s: bad id' % element['id'])
            if not ordered(list(element), order):
                problems.append('element %s: keys out of order' % element['id'])
            ids.append(element['id'])
    if len(ids) != len(set(ids)):
        problems.append('ids are not unique')

    stages = [s['id'] for s in doc['stages']]
    lanes = {l['id']: l['kind'] for l in doc['lanes']}
    channels = doc.get('channels', [])
    if any(kind not in LANE_KINDS for kind in lanes.values()):
        problems.append('unknown lane kind')

    for note in doc['notes']:
        where = 'element %s: ' % note['id']
        if note['stage'] not in stages or note['lane'] not in lanes:
            problems.append(where + 'stage or lane does not exist')
        if note['kind'] not in NOTE_KINDS:
            problems.append(where + 'unknown kind "%s"' % note['kind'])
        if 'channel' in note and note['channel'] not in channels:
            problems.append(where + 'channel "%s" not in the map' % note['channel'])

    for persona in doc['personas']:
        emotion_stages = [e['stage'] for e in persona['emotions']]
        if any(stage not in stages for stage in emotion_stages):
            problems.append('element %s: emotion for a stage that does not exist'
                            % persona['id'])
        elif emotion_stages != [s for s in stages if s in emotion_stages]:
            problems.append('element %s: emotions not in stage order' % persona['id'])
        if any(not -5 <= e['value'] <= 5 for e in persona['emotions']):
            problems.append('element %s: emotion out of range' % persona['id'])

    return problems


def main():
    status = 0
    for path in sys.argv[1:]:
        with open(path, encoding='utf-8') as f:
            for problem in check(f.read()):
                print('%s: %s' % (path, problem))
                status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
