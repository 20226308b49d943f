# An irrefutable case pattern that is not last makes the remaining patterns unreachable.
match 5:
    case x:
        pass
    case 1:
        pass
